package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.backup.BackupRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * When a backup must be complete. The deadline counts from the request's {@code occurred_at}, not from when
 * this worker picked it up, and it must end before the gateway gives up on the operation
 * ({@code lifeboat.gateway.operation-timeout}, which counts from the dispatch, never earlier): a backup the
 * gateway gave up on can then never become complete. The worker refuses to start otherwise.
 */
@Component
class BackupDeadlines {

    private final Duration timeout;

    BackupDeadlines(@Value("${lifeboat.snapshot.timeout}") Duration timeout,
                    @Value("${lifeboat.gateway.operation-timeout:7h}") Duration gatewayTimeout) {
        if (gatewayTimeout.compareTo(timeout) <= 0) {
            throw new IllegalStateException("lifeboat.gateway.operation-timeout (" + gatewayTimeout + ") must be "
                    + "longer than lifeboat.snapshot.timeout (" + timeout + "), or the gateway could give up on a "
                    + "backup that later completes");
        }
        this.timeout = timeout;
    }

    Instant deadline(BackupRequested request) {
        return request.occurredAt().plus(timeout);
    }

    Duration timeout() {
        return timeout;
    }
}
