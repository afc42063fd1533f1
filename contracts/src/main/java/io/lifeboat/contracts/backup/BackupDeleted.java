package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A backup's manifest is gone from every location; its data is reclaimed within the grace period. */
public record BackupDeleted(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                            String reason) implements Event {

    public BackupDeleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
