package io.lifeboat.cli.backup;

import io.lifeboat.cli.output.PropertyTable;
import io.lifeboat.cli.output.Table;
import tools.jackson.databind.JsonNode;

import java.util.Set;

import static io.lifeboat.cli.output.Units.bytes;
import static io.lifeboat.cli.output.Units.text;
import static io.lifeboat.cli.output.Units.time;
import static io.lifeboat.cli.output.Units.yesNo;

/** Backups and restores as tables. */
final class BackupTables {

    /** A list of backups, newest first, one line each. */
    static String list(JsonNode backups) {
        Table table = Table.of("Created", "Backup ID", "Status", "Type", "Automated", "Restorable", "Size",
                "Commit", "Verified");
        for (JsonNode b : backups.values()) {
            table.row(time(b.path("created_at")), text(b.path("id")), text(b.path("status")),
                    b.path("safe").asBoolean(true) ? "safe" : "live", yesNo(b.path("automated")),
                    yesNo(b.path("restorable")), bytes(b.path("size_of_volumes").asLong(0)),
                    shortCommit(text(b.path("commit_id"))), text(b.path("verification").path("status")));
        }
        return table.render();
    }

    /** A backup or a restore: its properties, then its parts (services, mounts, code). */
    static String detail(JsonNode resource) {
        String parts = resource.has("services") ? "services" : "parts";
        StringBuilder text = new StringBuilder(PropertyTable.of(resource, Set.of(parts)).render());
        if (!resource.path(parts).isEmpty()) {
            Table table = Table.of("Part", "Type", "Status", "Size");
            for (JsonNode part : resource.path(parts).values()) {
                table.row(text(part.path("name")), text(part.path("type")), text(part.path("status")),
                        bytes(part.path("bytes").asLong(0)));
            }
            text.append('\n').append(table.render());
        }
        return text.toString();
    }

    /** A backup's last verification. */
    static String verification(JsonNode backup) {
        return PropertyTable.of(backup.path("verification"), Set.of()).render();
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private BackupTables() {
    }
}
