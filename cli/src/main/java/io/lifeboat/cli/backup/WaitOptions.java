package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.CliException;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --no-wait} and {@code --timeout}, for the commands that wait for an operation to end. */
final class WaitOptions {

    @Option(names = "--no-wait", description = "Return as soon as the API accepted the request.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Give up waiting after this many seconds, with exit code 6 (default: 3600).")
    long timeoutSeconds;

    boolean waits() {
        return !noWait;
    }

    Duration timeout() {
        if (timeoutSeconds < 0) {
            throw CliException.usage("--timeout must be 0 or more seconds, not " + timeoutSeconds);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
