package io.lifeboat.cli.token;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.Output;
import io.lifeboat.cli.output.OutputOptions;
import io.lifeboat.cli.output.Table;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

import static io.lifeboat.cli.output.Units.text;
import static io.lifeboat.cli.output.Units.time;

@Command(name = "token:list", description = "List API tokens (never their secrets).")
final class TokenList implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;

    @Override
    public Integer call() {
        Output out = format.output();
        JsonNode tokens = api.client().get("/tokens");
        if (tokens.isEmpty() && !out.json()) {
            out.note("No tokens.");
            return 0;
        }
        out.result(tokens, TokenList::table);
        return 0;
    }

    static String table(JsonNode tokens) {
        Table table = Table.of("ID", "Name", "Project", "Created", "Last used", "Revoked");
        for (JsonNode t : tokens.values()) {
            table.row(text(t.path("id")), text(t.path("name")), text(t.path("project")),
                    time(t.path("created_at")), time(t.path("last_used_at")), time(t.path("revoked_at")));
        }
        return table.render();
    }
}
