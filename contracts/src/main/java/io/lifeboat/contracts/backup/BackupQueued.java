package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The gateway accepted a backup and queued it behind another backup or restore of its environment; it is
 * requested ({@link BackupRequested}) when that one ends. A queued backup that never starts ends with
 * {@link BackupFailed}. Retention holds a deleted project's backups while its tombstone waits here.
 *
 * @param automated true when the scheduler asked for it
 * @param trigger   who asked: {@code api}, {@code schedule}, {@code merge}, {@code resize}, {@code tombstone}
 */
public record BackupQueued(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                           boolean automated, String trigger) implements Event {

    public BackupQueued {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
