package io.lifeboat.retention;

import io.lifeboat.retention.policy.RetentionOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the retention service evaluates.
 *
 * @param evaluateInterval   how often every environment is evaluated
 * @param tombstoneRetention how long the final backups of a deleted project are kept: 7 days to 6 months
 * @param restoreTimeout     a restore not heard of for this long no longer holds back a deletion
 * @param tombstoneWait      how long a deleted project's active environment waits for its final backup to be
 *                           queued or requested before its newest backup is kept as the tombstone instead; a
 *                           queued one is then waited for however long it takes
 */
@ConfigurationProperties("lifeboat.retention")
public record RetentionProperties(@DefaultValue("1m") Duration evaluateInterval,
                                  @DefaultValue("30d") Duration tombstoneRetention,
                                  @DefaultValue("6h") Duration restoreTimeout,
                                  @DefaultValue("1h") Duration tombstoneWait) {

    public RetentionProperties {
        if (tombstoneRetention.compareTo(RetentionOptions.MIN_TOMBSTONE_RETENTION) < 0
                || tombstoneRetention.compareTo(RetentionOptions.MAX_TOMBSTONE_RETENTION) > 0) {
            throw new IllegalArgumentException("lifeboat.retention.tombstone-retention is " + tombstoneRetention
                    .toDays() + " days (" + tombstoneRetention + "); tombstones must be kept between 7 days and "
                    + "6 months (7d to 184d)");
        }
        requirePositive("evaluate-interval", evaluateInterval);
        requirePositive("restore-timeout", restoreTimeout);
        requirePositive("tombstone-wait", tombstoneWait);
    }

    /** The engine's settings. */
    public RetentionOptions options() {
        return new RetentionOptions(tombstoneRetention);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lifeboat.retention." + name + " must be positive, not " + value);
        }
    }
}
