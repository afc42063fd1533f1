package io.lifeboat.support.metrics;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupHoldReleased;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.support.events.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Derives the metrics from the events this service publishes: each service counts what it does, and Prometheus
 * adds them up. A metric never breaks publishing: a failure here is logged and forgotten.
 */
final class EventMetrics implements PublishedEvents {

    private static final Logger log = LoggerFactory.getLogger(EventMetrics.class);

    private final BackupMetrics backups;
    private final RestoreMetrics restores;
    private final ScheduleMetrics schedule;
    private final RetentionMetrics retention;

    EventMetrics(BackupMetrics backups, RestoreMetrics restores, ScheduleMetrics schedule, RetentionMetrics retention) {
        this.backups = backups;
        this.restores = restores;
        this.schedule = schedule;
        this.retention = retention;
    }

    /**
     * @param maxEnvironments the bound on the {@code project} and {@code environment} labels
     * @param spread, tick    the scheduler's: a slot fired later than {@code spread + 2 tick} after its time is late
     */
    static EventMetrics create(MeterRegistry registry, Clock clock, int maxEnvironments, Duration backupDeadline,
                               Duration restoreDeadline, Duration spread, Duration tick) {
        Meters meters = new Meters(registry);
        EnvironmentTags tags = new EnvironmentTags(maxEnvironments);
        return new EventMetrics(new BackupMetrics(meters, tags,
                        new Operations(meters, tags, new Running(clock), "backup", backupDeadline)),
                new RestoreMetrics(meters, tags, new Operations(meters, tags, new Running(clock), "restore",
                        restoreDeadline)),
                new ScheduleMetrics(meters, tags, spread, tick), new RetentionMetrics(meters));
    }

    @Override
    public void published(String topic, Event event) {
        try {
            record(topic, event);
        } catch (RuntimeException e) {
            log.debug("metrics: {} not counted: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void record(String topic, Event event) {
        switch (event) {
            case BackupRequested e when topic.equals(Topics.SCHEDULED_BACKUPS) -> schedule.fired(e);
            case BackupRequested e -> backups.requested(e);
            case BackupQueued e -> backups.queued(e);
            case BackupStarted e -> backups.started(e);
            case BackupHoldReleased e -> backups.holdReleased(e);
            case BackupCompleted e -> backups.completed(e);
            case BackupFailed e -> backups.failed(e);
            case BackupVerified e -> backups.verified(e);
            case BackupExpired e -> retention.expired(e);
            case BackupDeletionRequested e -> retention.deletionRequested(e);
            case BackupDeleted e -> retention.deleted(e);
            case RestoreStarted e -> restores.started(e);
            case RestoreCompleted e -> restores.completed(e);
            case RestoreFailed e -> restores.failed(e);
            default -> {
            }
        }
    }
}
