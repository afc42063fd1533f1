package io.lifeboat.cli;

import io.lifeboat.cli.backup.BackupCommands;
import io.lifeboat.cli.client.ExitCode;
import io.lifeboat.cli.schedule.ScheduleCommands;
import io.lifeboat.cli.token.TokenCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The {@code lifeboat} command line: backups, restores, verifications, backup schedules and API tokens,
 * through the Lifeboat REST API (docs/cli.md). Exits with the codes of {@link ExitCode}.
 */
@Command(name = "lifeboat", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Lifeboat.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Back up and restore the environments of your projects.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the operation ran and failed (backup, restore or verification FAILED)",
                "2:usage error (unknown option, bad value, no project, no token)",
                "3:request refused by the API, e.g. an unknown backup (4xx)",
                "4:not authenticated or not allowed (401/403)",
                "5:API unreachable or server error (5xx, connection refused)",
                "6:gave up waiting (--timeout); the operation may still finish",
                "70:a bug in lifeboat itself; please report it"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  LIFEBOAT_API, LIFEBOAT_TOKEN, LIFEBOAT_PROJECT and LIFEBOAT_ENVIRONMENT stand in for",
                "  --api, --token, -p and -e. 'lifeboat COMMAND --help' describes a command."})
public final class Lifeboat implements Callable<Integer> {

    /** A bug in lifeboat itself, not a failure of the API or of an operation. */
    static final int INTERNAL_ERROR = 70;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new Lifeboat());
        Stream.of(BackupCommands.all(), ScheduleCommands.all(), TokenCommands.all()).flatMap(List::stream)
                .forEach(cli::addSubcommand);
        Failures failures = new Failures(Redaction.of(args, System.getenv("LIFEBOAT_TOKEN")));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(failures::usage);
        cli.setExecutionExceptionHandler(failures::execution);
        return cli.execute(GlobalOptions.afterCommand(args));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Lifeboat.class.getPackage().getImplementationVersion();
            return new String[] {"lifeboat " + (version == null ? "(development build)" : version)};
        }
    }
}
