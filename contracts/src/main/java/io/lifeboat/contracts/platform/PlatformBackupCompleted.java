package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Reply to a merge or resize request: the backup it asked for is complete, so the platform may go ahead.
 *
 * @param trigger {@code merge} or {@code resize}
 */
public record PlatformBackupCompleted(UUID eventId, Instant occurredAt, String requestId, EnvironmentRef environment, String trigger, String backupId) implements Event {

    public PlatformBackupCompleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(backupId, "backup_id");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
