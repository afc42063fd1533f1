package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiClient;
import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "backup:create", description = {
        "Back up an environment: the data of its services, its mounts and its code.",
        "By default the backup is consistent: writes are held for a moment (usually seconds). "
                + "Waits until the backup ends unless --no-wait is given."})
final class BackupCreate implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;
    @Mixin
    WaitOptions wait;

    @Option(names = "--live", description = "A live backup: no pause for the environment, but its services "
            + "may be captured at slightly different moments.")
    boolean live;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        if (!wait.waits()) {
            JsonNode accepted = client.post(env.backups(), Map.of("safe", !live));
            out.note(requested(accepted, env) + ".");
            out.result(accepted, BackupTables::detail);
            return 0;
        }
        JsonNode backup;
        try (BackupFollower follower = BackupFollower.start(client, env, out, wait.timeout())) {
            JsonNode accepted = client.post(env.backups(), Map.of("safe", !live));
            out.note(requested(accepted, env) + "; waiting for it to end.");
            backup = follower.await(accepted, client, env);
        }
        out.result(backup, BackupTables::detail);
        if (backup.path("status").asString("").equals("FAILED")) {
            throw CliException.failed("backup " + backup.path("id").asString() + " of " + env + " failed: "
                    + backup.path("error").asString("no reason given"));
        }
        return 0;
    }

    private String requested(JsonNode backup, EnvironmentPaths env) {
        return "Backup " + backup.path("id").asString() + " of " + env + " requested (" + (live ? "live" : "safe")
                + ")";
    }
}
