package io.lifeboat.cli.token;

import io.lifeboat.cli.client.ApiClient;
import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.output.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "token:revoke", description = "Revoke an API token: it stops working at once.")
final class TokenRevoke implements Callable<Integer> {

    @Mixin
    ApiOptions api;
    @Mixin
    OutputOptions format;

    @Parameters(paramLabel = "ID", description = "The token's ID (token:list shows it).")
    String id;

    @Override
    public Integer call() {
        api.client().delete("/tokens/" + ApiClient.segment(id));
        format.output().note("Token " + id + " revoked.");
        return 0;
    }
}
