package io.lifeboat.contracts.backup;

import org.jspecify.annotations.Nullable;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A backup is complete: every part is stored in enough locations and its manifest is written.
 *
 * @param sizeBytes   logical size of all parts
 * @param storedBytes new bytes this backup added to storage
 * @param holdMillis  how long writes were held for a consistent backup; null for a live backup
 * @param skewMillis  spread between the parts' points in time
 */
public record BackupCompleted(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                              boolean safe, boolean automated, @Nullable String commitSha, List<PartResult> parts,
                              long sizeBytes, long storedBytes, @Nullable Long holdMillis, long skewMillis)
        implements Event {

    public BackupCompleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    @Override
    public String key() {
        return environment.key();
    }
}
