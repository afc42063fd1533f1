package io.lifeboat.cli;

import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.client.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import tools.jackson.core.JacksonException;

import java.util.List;

/** Every failure as one line on stderr and an exit code: never a stack trace, never the token. */
final class Failures {

    private final Redaction redaction;

    Failures(Redaction redaction) {
        this.redaction = redaction;
    }

    /** A wrong command line: exit code 2, with the command's help as a hint. */
    int usage(ParameterException e, String[] args) {
        String message = e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched) : e.getMessage();
        print(e.getCommandLine(), message + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help)");
        return ExitCode.USAGE;
    }

    /** Names unknown options without their values, which could be a secret; suggests what was meant. */
    private static String unmatched(UnmatchedArgumentException e) {
        List<String> options = e.getUnmatched().stream().filter(a -> a.startsWith("-"))
                .map(a -> a.split("=", 2)[0]).toList();
        String message;
        if (!options.isEmpty()) {
            message = "unknown option " + String.join(", ", options);
        } else if (e.getCommandLine().getParent() == null) {
            message = "unknown command '" + e.getUnmatched().get(0) + "'";
        } else {
            message = "unexpected argument '" + String.join("' '", e.getUnmatched()) + "'";
        }
        List<String> suggestions = e.getSuggestions();
        if (!suggestions.isEmpty()) {
            message += "; did you mean " + String.join(" or ", suggestions.subList(0,
                    Math.min(3, suggestions.size()))) + "?";
        }
        return message;
    }

    /** A command that ended with an exception: its exit code and its message. */
    int execution(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof CliException failure) {
            print(cli, failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof ParameterException usage) {
            return usage(usage, new String[0]);
        }
        if (e instanceof JacksonException) {
            print(cli, "the API answered with JSON this lifeboat does not understand; is it older or newer?");
            return ExitCode.UNREACHABLE;
        }
        print(cli, "internal error, please report it: " + e);
        return Lifeboat.INTERNAL_ERROR;
    }

    private void print(CommandLine cli, String message) {
        cli.getErr().println("error: " + redaction.apply(message));
        cli.getErr().flush();
    }
}
