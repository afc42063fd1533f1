package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How far a running backup is, for dashboards and progress bars.
 *
 * @param phase        {@code preparing}, {@code cutting} or {@code streaming}
 * @param bytesRead    bytes read from all parts so far
 * @param bytesExpected the previous backup's size, an estimate; 0 when unknown
 */
public record BackupProgressed(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                               String phase, long bytesRead, long bytesExpected) implements Event {

    public BackupProgressed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(phase, "phase");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
