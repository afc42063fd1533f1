package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One part (service, mount or code) of a backup is stored. */
public record BackupPartCompleted(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                  PartResult part) implements Event {

    public BackupPartCompleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(part, "part");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
