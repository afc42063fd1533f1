package io.lifeboat.cli.schedule;

import io.lifeboat.cli.client.ApiOptions;
import io.lifeboat.cli.client.CliException;
import picocli.CommandLine.Option;

import static io.lifeboat.cli.client.ApiClient.segment;

/** {@code -p/--project}, else LIFEBOAT_PROJECT. */
final class ProjectOption {

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "The project ID (default: $LIFEBOAT_PROJECT).")
    String project;

    String project() {
        String p = ApiOptions.firstSet(project, System.getenv("LIFEBOAT_PROJECT"));
        if (p == null) {
            throw CliException.usage("no project: pass -p PROJECT or set LIFEBOAT_PROJECT");
        }
        return p.trim();
    }

    String schedulePath() {
        return "/projects/" + segment(project()) + "/backup-schedule";
    }
}
