package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.client.CliException;
import picocli.CommandLine.Option;

/** {@code -p/--project} and {@code -e/--environment}, else LIFEBOAT_PROJECT and LIFEBOAT_ENVIRONMENT. */
final class EnvironmentOptions {

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "The project ID (default: $LIFEBOAT_PROJECT).")
    String project;

    @Option(names = {"-e", "--environment"}, paramLabel = "ENV",
            description = "The environment (default: $LIFEBOAT_ENVIRONMENT).")
    String environment;

    EnvironmentPaths resolve() {
        String p = ApiOptions.firstSet(project, System.getenv("LIFEBOAT_PROJECT"));
        if (p == null) {
            throw CliException.usage("no project: pass -p PROJECT or set LIFEBOAT_PROJECT");
        }
        String e = ApiOptions.firstSet(environment, System.getenv("LIFEBOAT_ENVIRONMENT"));
        if (e == null) {
            throw CliException.usage("no environment: pass -e ENV or set LIFEBOAT_ENVIRONMENT");
        }
        return new EnvironmentPaths(p.trim(), e.trim());
    }
}
