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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "backup:restore", description = {
        "Restore a backup into its environment, or into another one with --target.",
        "The data of the services and mounts are replaced; the code too unless --no-code. "
                + "Lifeboat never changes your git repository. Waits until the restore ends unless --no-wait.",
        "Then shows each part with what it brought back: tables=12 views=3 routines=4 ..."})
final class BackupRestore implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;
    @Mixin
    EnvironmentOptions environment;
    @Mixin
    WaitOptions wait;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "The backup (default: the newest restorable).")
    String id;

    @Option(names = "--target", paramLabel = "ENV", description = "Restore into this environment instead.")
    String target;

    @Option(names = "--branch-from", paramLabel = "ENV",
            description = "If the target does not exist, branch it from this environment first.")
    String branchFrom;

    @Option(names = "--no-code", description = "Restore the data only, not the code.")
    boolean noCode;

    @Option(names = "--replace-missing-definers", description = {"A database object (view, routine, trigger, "
            + "event) whose definer does not exist on the target gets the target's user, instead of failing the "
            + "restore before anything is switched."})
    boolean replaceMissingDefiners;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        Output out = format.output();
        EnvironmentPaths env = environment.resolve();
        String backupId = id != null ? id : Latest.restorable(client, env).path("id").asString();
        Map<String, Object> body = new LinkedHashMap<>();
        if (target != null) {
            body.put("environment_name", target);
        }
        body.put("restore_code", !noCode);
        if (branchFrom != null) {
            body.put("branch_from", branchFrom);
        }
        if (replaceMissingDefiners) {
            body.put("replace_missing_definers", true); // only when asked: an older gateway refuses it
        }
        JsonNode restore = client.post(env.backup(backupId) + "/restore", body);
        String restoreId = restore.path("id").asString();
        out.note("Restore " + restoreId + " of backup " + backupId + " into " + env.project() + "/"
                + (target == null ? env.environment() : target) + " requested"
                + (wait.waits() ? "; waiting for it to end." : "."));
        if (wait.waits()) {
            restore = new Poller(wait.timeout(), out).until(restore, () -> client.get(env.restore(restoreId)),
                    r -> BackupFollower.ENDED.contains(r.path("status").asString("")),
                    new StatusLines(out, "restore", r -> r.path("status").asString(""), "parts"),
                    r -> "restore " + restoreId + " is still " + r.path("status").asString("running"));
        }
        out.result(restore, BackupTables::detail);
        if (restore.path("status").asString("").equals("FAILED")) {
            throw CliException.failed("restore " + restoreId + " of backup " + backupId + " failed: "
                    + restore.path("error").asString("no reason given") + "; the target is "
                    + restore.path("target_state").asString("in an unknown state"));
        }
        return 0;
    }
}
