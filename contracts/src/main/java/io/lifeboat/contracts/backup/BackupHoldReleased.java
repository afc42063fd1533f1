package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Every part has its point-in-time snapshot and the environment's writes flow again. */
public record BackupHoldReleased(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                 long holdMillis) implements Event {

    public BackupHoldReleased {
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
