package io.lifeboat.cli.client;

/**
 * What the {@code lifeboat} process exits with; scripts and cron jobs branch on these. Keep the list in
 * {@code Lifeboat}'s help and in docs/cli.md in step.
 */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation ran and failed: a backup, restore or verification ended FAILED. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, bad value, missing project or token. */
    public static final int USAGE = 2;
    /** The API refused the request (a 4xx other than 401/403), for example an unknown backup. */
    public static final int REFUSED = 3;
    /** The token is missing, wrong or not allowed to do this (401/403). */
    public static final int DENIED = 4;
    /** The API could not be reached or failed (connection refused, timeout, 5xx). */
    public static final int UNREACHABLE = 5;
    /** The command gave up waiting (see {@code --timeout}); the operation may still finish. */
    public static final int TIMED_OUT = 6;

    private ExitCode() {
    }
}
