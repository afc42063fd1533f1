package io.lifeboat.support.metrics;

import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupHoldReleased;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerified;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;

import static io.lifeboat.support.metrics.MetricNames.*;

/** A backup's life, from the events the gateway (requested, queued) and the coordinator publish. */
final class BackupMetrics {

    private final Meters meters;
    private final EnvironmentTags tags;
    private final BoundedValues triggers = new BoundedValues(8);
    private final Operations backups;

    BackupMetrics(Meters meters, EnvironmentTags tags, Operations backups) {
        this.meters = meters;
        this.tags = tags;
        this.backups = backups;
    }

    void requested(BackupRequested e) {
        meters.count(BACKUP_REQUESTED, Tags.of("trigger", triggers.of(e.trigger())));
    }

    void queued(BackupQueued e) {
        meters.count(BACKUP_QUEUED, Tags.of("trigger", triggers.of(e.trigger())));
    }

    void started(BackupStarted e) {
        backups.started(e.backupId(), e.environment(), e.occurredAt());
    }

    void holdReleased(BackupHoldReleased e) {
        meters.time(BACKUP_HOLD, tags.of(e.environment()), Duration.ofMillis(e.holdMillis()), Meters.SHORT_BUCKETS);
    }

    void completed(BackupCompleted e) {
        Tags environment = backups.completed(e.backupId(), e.environment(), e.occurredAt());
        if (e.holdMillis() == null) {
            meters.time(BACKUP_SKEW, environment, Duration.ofMillis(e.skewMillis()), Meters.SHORT_BUCKETS);
        }
        for (PartResult part : e.parts()) {
            Tags partTags = tags.of(e.environment(), part.type());
            meters.count(BACKUP_READ_BYTES, partTags, part.bytes());
            meters.count(BACKUP_STORED_BYTES, partTags, part.storedBytes());
        }
    }

    void failed(BackupFailed e) {
        backups.failed(e.backupId(), e.occurredAt());
        meters.count(BACKUP_FAILURE, tags.of(e.environment()).and("reason", FailureReasons.of(e.error())));
        e.parts().stream().filter(part -> part.status() == PartResult.PartStatus.FAILED)
                .forEach(part -> meters.count(BACKUP_PART_FAILURE, Tags.of("part_type", tags.partType(part.type()))));
    }

    void verified(BackupVerified e) {
        Tags environment = tags.of(e.environment());
        meters.count(BACKUP_VERIFICATION, environment.and("result", e.passed() ? "passed" : "failed"));
        meters.set(BACKUP_VERIFICATION_PASSED, environment, e.passed() ? 1 : 0);
        if (e.passed()) {
            meters.set(BACKUP_LAST_VERIFIED, environment, Meters.epochSeconds(e.occurredAt()));
        }
    }
}
