package io.lifeboat.contracts.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The gateway accepted a restore and queued it behind another backup or restore of its target environment; it
 * is requested when that one ends. Until then, the backup it reads must not be deleted. A queued restore that
 * never starts ends with {@link RestoreFailed}.
 */
public record RestoreQueued(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                            EnvironmentRef target) implements Event {

    public RestoreQueued {
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
