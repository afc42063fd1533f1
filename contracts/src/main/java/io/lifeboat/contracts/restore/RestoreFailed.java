package io.lifeboat.contracts.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A restore failed.
 *
 * @param targetState what the target holds now: {@code unchanged} when it failed before the switch-over,
 *                    or {@code partial} naming the parts that were switched
 */
public record RestoreFailed(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                            EnvironmentRef target, String error, String targetState) implements Event {

    public RestoreFailed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(restoreId, "restore_id");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(targetState, "target_state");
    }

    @Override
    public String key() {
        return target.key();
    }
}
