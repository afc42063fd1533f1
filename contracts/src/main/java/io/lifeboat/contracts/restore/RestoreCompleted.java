package io.lifeboat.contracts.restore;

import org.jspecify.annotations.Nullable;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every part of the backup is live in the target.
 *
 * @param commitSha the commit the backup holds; Lifeboat never changes the git repository
 */
public record RestoreCompleted(UUID eventId, Instant occurredAt, String restoreId, String backupId,
                               EnvironmentRef target, @Nullable String commitSha, List<PartResult> parts) implements Event {

    public RestoreCompleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(restoreId, "restore_id");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(target, "target");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    @Override
    public String key() {
        return target.key();
    }
}
