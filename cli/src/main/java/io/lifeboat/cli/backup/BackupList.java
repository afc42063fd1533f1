package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

import static io.lifeboat.cli.client.ApiClient.segment;

@Command(name = "backup:list", description = "List an environment's backups, newest first.")
final class BackupList implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "How many backups to list, 1 to 500 (default: 10).")
    int limit;

    @Option(names = "--start", paramLabel = "DATE", converter = StartDate.class,
            description = "Only backups created before DATE: 2026-11-25 (midnight UTC) or an instant, "
                    + "2026-11-25T04:00:00Z.")
    Instant start;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 500) {
            throw CliException.usage("--limit must be between 1 and 500, not " + limit);
        }
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        JsonNode backups = api.client().get(env.backups() + "?limit=" + limit
                + (start == null ? "" : "&start=" + segment(start.toString())));
        if (backups.isEmpty() && !out.json()) {
            out.note("No backups of " + env + (start == null ? "" : " before " + start) + ".");
            return 0;
        }
        out.result(backups, BackupTables::list);
        return 0;
    }
}
