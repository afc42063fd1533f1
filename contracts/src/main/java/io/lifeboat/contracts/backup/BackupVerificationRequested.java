package io.lifeboat.contracts.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked to re-read a backup's data and verify it.
 *
 * @param sample the fraction of chunks to check, in (0, 1]; 1 checks everything
 */
public record BackupVerificationRequested(UUID eventId, Instant occurredAt, String backupId,
                                          EnvironmentRef environment, double sample) implements Event {

    public BackupVerificationRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        if (!(sample > 0 && sample <= 1)) {
            throw new IllegalArgumentException("sample must be in (0, 1]");
        }
    }

    @Override
    public String key() {
        return environment.key();
    }
}
