package io.lifeboat.retention.policy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * What the engine knows of one completed backup. Only completed backups are evaluated: a manual backup that is
 * still running does not count, so it replaces the oldest manual backup only once it has completed.
 *
 * @param id        the backup id
 * @param createdAt when the backup was taken (its cut)
 * @param automated true when the scheduler took it
 * @param trigger   who asked: {@code api}, {@code schedule}, {@code merge}, {@code resize}, {@code tombstone}
 * @param scheduledFor the slot an automated backup was scheduled for, when known; the rules place the backup by
 *                  it, so a slot caught up after midnight still counts for its own day. Null: by {@code createdAt}
 */
public record BackupFacts(String id, Instant createdAt, boolean automated, String trigger,
                          @Nullable Instant scheduledFor) {

    /** The trigger of the final backup taken when a project is deleted. */
    public static final String TOMBSTONE = "tombstone";

    public BackupFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(trigger, "trigger");
        if (id.isBlank()) {
            throw new IllegalArgumentException("backup id is blank");
        }
    }

    /** A backup placed by when it was taken. */
    public BackupFacts(String id, Instant createdAt, boolean automated, String trigger) {
        this(id, createdAt, automated, trigger, null);
    }

    /** Where the rules place the backup: its slot when it has one, else when it was taken. */
    public Instant placedAt() {
        return scheduledFor != null ? scheduledFor : createdAt;
    }

    /** True for the final backup of a deleted project. */
    public boolean tombstone() {
        return TOMBSTONE.equals(trigger);
    }
}
