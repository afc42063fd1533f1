package io.lifeboat.contracts.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The restore worker verified the backup's manifest and began staging its parts. */
public record RestoreStarted(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                             EnvironmentRef target) implements Event {

    public RestoreStarted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(restoreId, "restore_id");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String key() {
        return target.key();
    }
}
