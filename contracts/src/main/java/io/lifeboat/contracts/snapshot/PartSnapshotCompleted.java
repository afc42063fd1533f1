package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker stored one part; its part manifest is written to every required location. */
public record PartSnapshotCompleted(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                    PartResult result) implements Event {

    public PartSnapshotCompleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(result, "result");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
