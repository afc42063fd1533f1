package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiClient;
import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import io.lifeboat.cli.output.PropertyTable;
import io.lifeboat.cli.output.Units;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "backup:get", description = "Show a backup: the newest one unless an ID is given.")
final class BackupGet implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The backup (default: the newest).")
    String id;

    @Option(names = {"-P", "--property"}, paramLabel = "PROPERTY",
            description = "Print only this property: status, commit_id, verification.status ...")
    String property;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        JsonNode backup = id == null ? Latest.backup(client, env) : client.get(env.backup(id));
        if (property == null) {
            out.result(backup, BackupTables::detail);
            return 0;
        }
        JsonNode value = PropertyTable.lookup(backup, property);
        if (value.isMissingNode()) {
            throw CliException.usage("a backup has no property '" + property + "'; it has "
                    + String.join(", ", backup.propertyNames()));
        }
        out.value(out.json() ? value.toPrettyString() : Units.text(value));
        return 0;
    }
}
