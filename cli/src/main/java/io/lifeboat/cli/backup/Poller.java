package io.lifeboat.cli.backup;

import io.lifeboat.cli.client.CliException;
import io.lifeboat.cli.client.ExitCode;
import io.lifeboat.cli.output.Output;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls an operation until it ends or the timeout passes. {@link #wake()} polls at once (an event said
 * the operation ended). A lost connection is retried until the timeout; other errors end the wait.
 */
final class Poller {

    private final Duration timeout;
    private final Output out;
    private final Semaphore wake = new Semaphore(0);
    private Supplier<Duration> interval = () -> Duration.ofSeconds(1);

    Poller(Duration timeout, Output out) {
        this.timeout = timeout;
        this.out = out;
    }

    Poller every(Supplier<Duration> interval) {
        this.interval = interval;
        return this;
    }

    void wake() {
        wake.release();
    }

    /**
     * Fetches until {@code ended} holds, starting from {@code current}; throws exit code 6 with
     * {@code stillRunning}'s description when the timeout passes first.
     */
    JsonNode until(JsonNode current, Supplier<JsonNode> fetch, Predicate<JsonNode> ended, Progress progress,
                   Function<JsonNode, String> stillRunning) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean lost = false;
        progress.seen(current);
        while (!ended.test(current)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw CliException.timedOut("gave up waiting after " + timeout.toSeconds() + " s: "
                        + stillRunning.apply(current));
            }
            pause(Math.min(left, interval.get().toNanos()));
            try {
                current = fetch.get();
                lost = false;
            } catch (CliException e) {
                if (e.exitCode() != ExitCode.UNREACHABLE) {
                    throw e;
                }
                if (!lost) {
                    out.note("lost contact with the API (" + e.getMessage() + "); still trying");
                    lost = true;
                }
            }
            progress.seen(current);
        }
        return current;
    }

    private void pause(long nanos) {
        try {
            if (wake.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.timedOut("interrupted while waiting");
        }
    }
}
