package io.lifeboat.contracts.backup;

import org.jspecify.annotations.Nullable;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.PartSpec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A backup of a whole environment was requested.
 *
 * @param safe      true for a consistent backup (writes are held for the cut), false for a live one
 * @param automated true when the scheduler asked for it
 * @param trigger   who asked: {@code api}, {@code schedule}, {@code merge}, {@code resize}, {@code tombstone}
 * @param parts     every part of the environment at the time of the request
 * @param hooks     the environment's hold and release endpoints, for a consistent backup; null if none
 * @param scheduledFor the scheduler's slot for an automated backup (04:00 of its day, say), which retention
 *                  places it by even when it ran later, after downtime; null for any other backup, and in
 *                  events from before the field existed
 */
public record BackupRequested(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                              boolean safe, boolean automated, String trigger, @Nullable String commitSha,
                              List<PartSpec> parts, @Nullable Hooks hooks,
                              @Nullable Instant scheduledFor) implements Event {

    public BackupRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(backupId, "backup_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(trigger, "trigger");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    /** A request for no particular slot: every backup but an automated one. */
    public BackupRequested(UUID eventId, Instant occurredAt, String backupId, EnvironmentRef environment,
                           boolean safe, boolean automated, String trigger, @Nullable String commitSha,
                           List<PartSpec> parts, @Nullable Hooks hooks) {
        this(eventId, occurredAt, backupId, environment, safe, automated, trigger, commitSha, parts, hooks, null);
    }

    @Override
    public String key() {
        return environment.key();
    }
}
