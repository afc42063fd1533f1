package io.lifeboat.retention.policy;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one backup.
 *
 * @param id        the backup id
 * @param kept      true to keep the backup, false when it has expired and may be deleted
 * @param reasons   why, such as {@code daily 2026-11-25} or {@code manual 1 of 4}; never empty
 * @param expiresAt when a kept backup stops being kept if no backup is taken or deleted meanwhile; null for a
 *                  backup kept until it is deleted or replaced, and for an expired one
 */
public record Decision(String id, boolean kept, List<String> reasons, @Nullable Instant expiresAt) {

    public Decision {
        Objects.requireNonNull(id, "id");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
