package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Retention decided that a backup is no longer kept; a deletion request with the same reason follows.
 *
 * @param reason  {@code expired}, {@code replaced}, {@code environment-deleted} or {@code project-deleted}
 * @param details what the engine said, such as {@code expired: replaced by newer manual backups}
 */
public record BackupExpired(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment, String reason, List<String> details) implements Event {

    public BackupExpired {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reason, "reason");
        details = List.copyOf(Objects.requireNonNull(details, "details"));
    }

    @Override
    public String key() {
        return environment.key();
    }
}
