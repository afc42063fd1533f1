package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Reply to a merge or resize request: no backup was taken, so the platform should stop.
 *
 * @param trigger  {@code merge} or {@code resize}
 * @param backupId the failed backup, or null when the request was refused before a backup started
 * @param reason   why, for a person to read
 */
public record PlatformBackupFailed(UUID eventId, Instant occurredAt, String requestId, EnvironmentRef environment, String trigger, @Nullable String backupId, String reason) implements Event {

    public PlatformBackupFailed {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
