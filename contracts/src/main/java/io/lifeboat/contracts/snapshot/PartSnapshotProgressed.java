package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker's heartbeat while it streams a part: how many bytes it has read so far. */
public record PartSnapshotProgressed(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                     String partName, long bytesRead) implements Event {

    public PartSnapshotProgressed {
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
