package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Broadcast to every worker instance: the environment is held, cut every prepared part of this backup now;
 * or, when {@code abort} is true, give the backup up.
 */
public record SnapshotCutRequested(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                   boolean abort) implements Event {

    public SnapshotCutRequested {
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
