package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone decided a backup should go: a user, retention or an environment's deletion.
 * The retention service carries it out, idempotently.
 *
 * @param reason {@code user}, {@code expired}, {@code replaced}, {@code environment-deleted} or
 *               {@code project-deleted}
 */
public record BackupDeletionRequested(UUID eventId, Instant occurredAt, String backupId,
                                      EnvironmentRef environment, String reason) implements Event {

    public BackupDeletionRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
