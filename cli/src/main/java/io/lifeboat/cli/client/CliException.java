package io.lifeboat.cli.client;

/**
 * Ends a command with an exit code and one line for the user; {@code lifeboat} prints the line on stderr,
 * never a stack trace.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException failed(String message) {
        return new CliException(ExitCode.FAILED, message);
    }

    public static CliException timedOut(String message) {
        return new CliException(ExitCode.TIMED_OUT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
