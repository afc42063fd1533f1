package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartResult;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A committed backup found in object storage by catalog recovery; the gateway adds it to its catalog if
 * it is missing. Everything here comes from the backup manifest alone.
 */
public record BackupRecovered(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                              boolean safe, boolean automated, String trigger, @Nullable String commitSha,
                              Instant createdAt, Instant completedAt, List<PartResult> parts, long sizeBytes,
                              long storedBytes, @Nullable Long holdMillis, long skewMillis) implements Event {

    public BackupRecovered {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(completedAt, "completed_at");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    @Override
    public String key() {
        return environment.key();
    }
}
