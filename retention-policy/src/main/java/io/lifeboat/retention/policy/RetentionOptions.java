package io.lifeboat.retention.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an evaluation that are not part of a policy.
 *
 * @param tombstoneRetention how long the final backups of a deleted project are kept: from 7 days to 6 months
 *                           (184 days, the longest six calendar months)
 */
public record RetentionOptions(Duration tombstoneRetention) {

    /** The shortest tombstone retention: 7 days. */
    public static final Duration MIN_TOMBSTONE_RETENTION = Duration.ofDays(7);
    /** The longest tombstone retention: 6 months, counted as 184 days. */
    public static final Duration MAX_TOMBSTONE_RETENTION = Duration.ofDays(184);
    /** Tombstones kept for 30 days. */
    public static final RetentionOptions DEFAULTS = new RetentionOptions(Duration.ofDays(30));

    public RetentionOptions {
        Objects.requireNonNull(tombstoneRetention, "tombstoneRetention");
        if (tombstoneRetention.compareTo(MIN_TOMBSTONE_RETENTION) < 0
                || tombstoneRetention.compareTo(MAX_TOMBSTONE_RETENTION) > 0) {
            throw new IllegalArgumentException("tombstone retention " + tombstoneRetention
                    + " is outside 7 days to 6 months (P7D to P184D)");
        }
    }
}
