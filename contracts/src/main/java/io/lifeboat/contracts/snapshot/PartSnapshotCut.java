package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker took its part's point-in-time snapshot; it streams the data next. */
public record PartSnapshotCut(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                              String partName, Instant pointInTime) implements Event {

    public PartSnapshotCut {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(partName, "part_name");
        Objects.requireNonNull(pointInTime, "point_in_time");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
