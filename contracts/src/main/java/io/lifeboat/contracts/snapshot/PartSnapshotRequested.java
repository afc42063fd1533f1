package io.lifeboat.contracts.snapshot;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartSpec;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The coordinator asks the worker for {@code part.type()} to snapshot one part of a backup.
 *
 * @param consistent true when the part takes part in a consistent cut: the worker prepares, reports
 *                   {@code snapshot.part-prepared}, and cuts only when the coordinator says so
 */
public record PartSnapshotRequested(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                                    PartSpec part, Instant deadline, boolean consistent) implements Event {

    public PartSnapshotRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
