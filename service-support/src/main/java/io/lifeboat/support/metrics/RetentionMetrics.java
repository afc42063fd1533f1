package io.lifeboat.support.metrics;

import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.micrometer.core.instrument.Tags;

import static io.lifeboat.support.metrics.MetricNames.*;

/** Retention's verdicts and deletions, by reason (expired, replaced, user, environment- or project-deleted). */
final class RetentionMetrics {

    private final Meters meters;
    private final BoundedValues reasons = new BoundedValues(8);

    RetentionMetrics(Meters meters) {
        this.meters = meters;
    }

    void expired(BackupExpired e) {
        meters.count(RETENTION_EXPIRED, Tags.of("reason", reasons.of(e.reason())));
    }

    void deletionRequested(BackupDeletionRequested e) {
        meters.count(RETENTION_DELETION_REQUESTED, Tags.of("reason", reasons.of(e.reason())));
    }

    void deleted(BackupDeleted e) {
        meters.count(RETENTION_DELETED, Tags.of("reason", reasons.of(e.reason())));
    }
}
