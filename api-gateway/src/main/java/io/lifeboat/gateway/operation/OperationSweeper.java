package io.lifeboat.gateway.operation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * Nothing stays running forever: a dispatched backup or restore whose end never reached the gateway within
 * {@code lifeboat.gateway.operation-timeout} (longer than the workers' own deadlines, or the gateway does not
 * start) is marked failed, and its environment's next operation starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OperationSweeper {

    private final Operations operations;
    private final Clock clock;
    private final Duration timeout;

    OperationSweeper(Operations operations, Clock clock,
                     @Value("${lifeboat.gateway.operation-timeout}") Duration timeout,
                     @Value("${lifeboat.restore.timeout}") Duration restoreTimeout,
                     @Value("${lifeboat.snapshot.timeout}") Duration backupTimeout) {
        requireLonger(timeout, "lifeboat.restore.timeout", restoreTimeout);
        requireLonger(timeout, "lifeboat.snapshot.timeout", backupTimeout);
        this.operations = operations;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The gateway must not give up on an operation that its worker may still run, nor start the next one. */
    private static void requireLonger(Duration timeout, String workerProperty, Duration workerTimeout) {
        if (timeout.compareTo(workerTimeout) <= 0) {
            throw new IllegalStateException("lifeboat.gateway.operation-timeout (" + timeout + ") must be longer "
                    + "than " + workerProperty + " (" + workerTimeout + "), the workers' own deadline: otherwise the "
                    + "gateway gives up on an operation that may still run and starts the next one beside it");
        }
    }

    @Scheduled(fixedDelayString = "${lifeboat.gateway.operation-sweep:1m}",
            initialDelayString = "${lifeboat.gateway.operation-sweep:1m}")
    void sweep() {
        for (String id : operations.dispatchedBefore(clock.instant().minus(timeout))) {
            operations.abandon(id, "no result within " + timeout.toHours() + " h; Lifeboat gave up on it");
        }
    }
}
