package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Retention re-assessed a completed backup: whether it is kept, why, and until when.
 *
 * @param kept      false when the backup has expired; a deletion request follows
 * @param expiresAt when the backup stops being kept if nothing else changes; null when kept until deleted or replaced
 * @param reasons   why, such as {@code daily 2026-11-25} or {@code manual 3 of 4}
 */
public record BackupRetentionAssessed(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment, boolean kept, @Nullable Instant expiresAt, List<String> reasons) implements Event {

    public BackupRetentionAssessed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }

    @Override
    public String key() {
        return environment.key();
    }
}
