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
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "backup:verify", description = {
        "Re-read a completed backup's data from storage and check it.",
        "Waits for the result unless --no-wait is given; exit code 1 if the verification FAILED."})
final class BackupVerify implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;
    @Mixin
    WaitOptions wait;

    @Parameters(paramLabel = "ID", description = "The backup to verify.")
    String id;

    @Option(names = "--sample", paramLabel = "F", defaultValue = "1",
            description = "The fraction of the data to re-read: more than 0, at most 1 (default: 1, all).")
    double sample;

    @Override
    public Integer call() {
        if (!(sample > 0 && sample <= 1)) {
            throw CliException.usage("--sample must be more than 0 and at most 1, not " + sample);
        }
        ApiClient client = api.client();
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        JsonNode backup = client.post(env.backup(id) + "/verify", Map.of("sample", sample));
        out.note("Verification of backup " + id + " of " + env + " requested (sample " + sample + ")"
                + (wait.waits() ? "; waiting for the result." : "."));
        if (wait.waits()) {
            backup = new Poller(wait.timeout(), out).until(backup, () -> client.get(env.backup(id)),
                    b -> !status(b).equals("RUNNING"),
                    new StatusLines(out, "verification of backup", BackupVerify::status, null),
                    b -> "the verification of backup " + id + " is still running");
        }
        out.result(backup, BackupTables::verification);
        if (wait.waits() && status(backup).equals("FAILED")) {
            JsonNode errors = backup.path("verification").path("errors");
            throw CliException.failed("verification of backup " + id + " FAILED"
                    + (errors.isEmpty() ? "" : ": " + errors.get(0).asString("")
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")));
        }
        return 0;
    }

    private static String status(JsonNode backup) {
        return backup.path("verification").path("status").asString("");
    }
}
