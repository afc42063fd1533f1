package io.lifeboat.gateway.operation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * Nothing stays running forever: a dispatched backup or restore whose end never reached the gateway within
 * {@code lifeboat.gateway.operation-timeout} (longer than the workers' own deadlines) is marked failed, and
 * its environment's next operation starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OperationSweeper {

    private final Operations operations;
    private final Clock clock;
    private final Duration timeout;

    OperationSweeper(Operations operations, Clock clock,
                     @Value("${lifeboat.gateway.operation-timeout:7h}") Duration timeout) {
        this.operations = operations;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Scheduled(fixedDelayString = "${lifeboat.gateway.operation-sweep:1m}",
            initialDelayString = "${lifeboat.gateway.operation-sweep:1m}")
    void sweep() {
        for (String id : operations.dispatchedBefore(clock.instant().minus(timeout))) {
            operations.abandon(id, "no result within " + timeout.toHours() + " h; Lifeboat gave up on it");
        }
    }
}
