package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "backup:delete", description = {"Delete a backup.",
        "Its status becomes DELETING; its data is then removed and it disappears from the list."})
final class BackupDelete implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;

    @Parameters(paramLabel = "ID", description = "The backup to delete.")
    String id;

    @Override
    public Integer call() {
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        JsonNode backup = api.client().delete(env.backup(id));
        out.result(backup, b -> "Backup " + id + " of " + env + " is being deleted (status "
                + b.path("status").asString("DELETING") + ").\n");
        return 0;
    }
}
