package io.lifeboat.restore.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * How the restore worker runs restores.
 *
 * @param timeout      a restore's deadline, counted from its request's {@code occurred_at}
 * @param lease        how long a run's claim on a restore lasts unless renewed
 * @param leaseRenewal how often a running restore renews its claim; shorter than {@code lease}
 * @param holdDeadline how long the target's writes are held at most while parts switch over
 * @param spoolDir     where a switch-over keeps a copy of each Redis target's data until the restore ends; it
 *                     must survive a restart of the worker (a volume). Null: {@code <java.io.tmpdir>/lifeboat-restore-spool}
 */
@ConfigurationProperties("lifeboat.restore")
record RestoreProperties(Duration timeout, @DefaultValue("2m") Duration lease,
                         @DefaultValue("20s") Duration leaseRenewal, @DefaultValue("5m") Duration holdDeadline,
                         @Nullable String spoolDir) {

    RestoreProperties {
        requirePositive("timeout", timeout);
        requirePositive("lease", lease);
        requirePositive("lease-renewal", leaseRenewal);
        requirePositive("hold-deadline", holdDeadline);
        if (leaseRenewal.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("lifeboat.restore.lease-renewal (" + leaseRenewal + ") must be "
                    + "shorter than lifeboat.restore.lease (" + lease + "), or a running restore loses its claim");
        }
        if (spoolDir != null && !spoolDir.isBlank()) {
            // the Redis connector reads it where it runs; the setting (LIFEBOAT_RESTORE_SPOOL_DIR) is the way in
            System.setProperty("lifeboat.restore.spool-dir", spoolDir);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lifeboat.restore." + name + " must be positive, not " + value);
        }
    }
}
