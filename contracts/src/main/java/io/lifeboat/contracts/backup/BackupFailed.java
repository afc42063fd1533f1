package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A backup failed; nothing of it counts as a backup. {@code error} is meant for the user. */
public record BackupFailed(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                           String error, List<PartResult> parts) implements Event {

    public BackupFailed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(error, "error");
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    @Override
    public String key() {
        return environment.key();
    }
}
