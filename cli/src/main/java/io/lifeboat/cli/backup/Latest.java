package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiClient;
import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.client.ExitCode;
import tools.jackson.databind.JsonNode;

/** The backup a command means when no ID is given. */
final class Latest {

    private static final int PAGE = 50;

    /** The newest backup of the environment, whatever its status. */
    static JsonNode backup(ApiClient api, EnvironmentPaths env) {
        JsonNode page = api.get(env.backups() + "?limit=1");
        if (page.isEmpty()) {
            throw new CliException(ExitCode.REFUSED, "environment " + env + " has no backups yet");
        }
        return page.get(0);
    }

    /** The newest completed, restorable backup, paging back through the whole list if needed. */
    static JsonNode restorable(ApiClient api, EnvironmentPaths env) {
        String start = null;
        while (true) {
            JsonNode page = api.get(env.backups() + "?limit=" + PAGE
                    + (start == null ? "" : "&start=" + ApiClient.segment(start)));
            for (JsonNode backup : page.values()) {
                if (backup.path("restorable").asBoolean(false)
                        && "COMPLETED".equals(backup.path("status").asString(""))) {
                    return backup;
                }
            }
            if (page.size() < PAGE) {
                throw new CliException(ExitCode.REFUSED, "environment " + env + " has no restorable backup");
            }
            start = page.get(page.size() - 1).path("created_at").asString();
        }
    }

    private Latest() {
    }
}
