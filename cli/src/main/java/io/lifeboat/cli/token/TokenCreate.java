package io.lifeboat.cli.token;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import io.lifeboat.cli.output.PropertyTable;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "token:create", description = {
        "Create an API token, for a cron job or a script. Its secret is shown once, here: store it now.",
        "Without --project the token works on every project this token can use."})
final class TokenCreate implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;

    @Parameters(paramLabel = "NAME", description = "What the token is for, e.g. nightly-backup.")
    String name;

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "Limit the token to this project (LIFEBOAT_PROJECT is not used here).")
    String project;

    @Override
    public Integer call() {
        Output out = format.output();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (project != null) {
            body.put("project", project);
        }
        JsonNode token = api.client().post("/tokens", body);
        out.result(token, t -> PropertyTable.of(t, Set.of()).render());
        out.note("Store the token now: it is not shown again. Use it as LIFEBOAT_TOKEN.");
        return 0;
    }
}
