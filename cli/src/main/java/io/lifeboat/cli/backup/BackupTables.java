package io.lifeboat.cli.backup;

import io.lifeboat.cli.output.PropertyTable;
import io.lifeboat.cli.output.Table;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * A backup or a restore: its properties, then its parts (services, mounts, code); a restore's parts with
     * what each brought back, such as {@code tables=12 views=3 routines=4}.
     */
    static String detail(JsonNode resource) {
        boolean backup = resource.has("services");
        String parts = backup ? "services" : "parts";
        StringBuilder text = new StringBuilder(PropertyTable.of(resource, Set.of(parts)).render());
        if (!resource.path(parts).isEmpty()) {
            Table table = backup ? Table.of("Part", "Type", "Status", "Size")
                    : Table.of("Part", "Type", "Status", "Size", "Objects");
            for (JsonNode part : resource.path(parts).values()) {
                Object[] cells = {text(part.path("name")), text(part.path("type")), text(part.path("status")),
                        bytes(part.path("bytes").asLong(0)), objects(part.path("objects"))};
                table.row(backup ? Arrays.copyOf(cells, 4) : cells);
            }
            text.append('\n').append(table.render());
        }
        return text.toString();
    }

    /** Object counts by kind, in the API's order: {@code tables=12 views=3}; empty if none were counted. */
    static String objects(JsonNode counts) {
        return counts.propertyNames().stream().map(kind -> kind + "=" + text(counts.path(kind)))
                .collect(Collectors.joining(" "));
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
