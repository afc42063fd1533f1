package io.lifeboat.retention.policy;

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
 */
public record BackupFacts(String id, Instant createdAt, boolean automated, String trigger) {

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

    /** True for the final backup of a deleted project. */
    public boolean tombstone() {
        return TOMBSTONE.equals(trigger);
    }
}
