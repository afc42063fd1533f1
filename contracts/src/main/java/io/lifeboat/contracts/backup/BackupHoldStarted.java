package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The environment's writes are held for a consistent cut, until {@code backup.hold-released}. */
public record BackupHoldStarted(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment)
        implements Event {

    public BackupHoldStarted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
