package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker is connected and ready to cut its part at once, for a consistent backup. */
public record PartSnapshotPrepared(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                   String partName) implements Event {

    public PartSnapshotPrepared {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(partName, "part_name");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
