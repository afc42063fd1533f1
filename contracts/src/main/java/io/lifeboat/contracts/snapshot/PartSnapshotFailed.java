package io.lifeboat.contracts.snapshot;

import org.jspecify.annotations.Nullable;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker could not snapshot a part; {@code error} names what was being done and why. */
public record PartSnapshotFailed(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                 String partName, @Nullable String partType, String error) implements Event {

    public PartSnapshotFailed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(partName, "part_name");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
