package io.lifeboat.support.metrics;

import java.util.List;

/**
 * Every metric Lifeboat registers, by its Micrometer name; Prometheus shows dots as underscores and adds
 * {@code _total} to counters, {@code _seconds} (with {@code _bucket}, {@code _count}, {@code _sum},
 * {@code _max}) to timers. docs/operations.md, "Metrics", describes each one.
 */
public final class MetricNames {

    public static final String BACKUP_REQUESTED = "lifeboat.backup.requested";
    public static final String BACKUP_QUEUED = "lifeboat.backup.queued";
    public static final String BACKUP_ATTEMPT = "lifeboat.backup.attempt";
    public static final String BACKUP_SUCCESS = "lifeboat.backup.success";
    public static final String BACKUP_FAILURE = "lifeboat.backup.failure";
    public static final String BACKUP_PART_FAILURE = "lifeboat.backup.part.failure";
    public static final String BACKUP_DURATION = "lifeboat.backup.duration";
    public static final String BACKUP_LAST_SUCCESSFUL = "lifeboat.backup.last.successful.timestamp";
    public static final String BACKUP_READ_BYTES = "lifeboat.backup.read.bytes";
    public static final String BACKUP_STORED_BYTES = "lifeboat.backup.stored.bytes";
    public static final String BACKUP_HOLD = "lifeboat.backup.hold";
    public static final String BACKUP_SKEW = "lifeboat.backup.skew";
    public static final String BACKUP_RUNNING = "lifeboat.backup.running";
    public static final String BACKUP_RUNNING_LONGEST = "lifeboat.backup.running.longest.seconds";
    public static final String BACKUP_DEADLINE = "lifeboat.backup.deadline.seconds";
    public static final String BACKUP_VERIFICATION = "lifeboat.backup.verification";
    public static final String BACKUP_VERIFICATION_PASSED = "lifeboat.backup.verification.passed";
    public static final String BACKUP_LAST_VERIFIED = "lifeboat.backup.last.verified.timestamp";

    public static final String RESTORE_ATTEMPT = "lifeboat.restore.attempt";
    public static final String RESTORE_SUCCESS = "lifeboat.restore.success";
    public static final String RESTORE_FAILURE = "lifeboat.restore.failure";
    public static final String RESTORE_DURATION = "lifeboat.restore.duration";
    public static final String RESTORE_LAST_SUCCESSFUL = "lifeboat.restore.last.successful.timestamp";
    public static final String RESTORE_BYTES = "lifeboat.restore.bytes";
    public static final String RESTORE_RUNNING = "lifeboat.restore.running";
    public static final String RESTORE_RUNNING_LONGEST = "lifeboat.restore.running.longest.seconds";
    public static final String RESTORE_DEADLINE = "lifeboat.restore.deadline.seconds";

    public static final String RETENTION_EXPIRED = "lifeboat.retention.expired";
    public static final String RETENTION_DELETION_REQUESTED = "lifeboat.retention.deletion.requested";
    public static final String RETENTION_DELETED = "lifeboat.retention.deleted";

    public static final String SCHEDULER_FIRED = "lifeboat.scheduler.slots.fired";
    public static final String SCHEDULER_LATE = "lifeboat.scheduler.slots.late";
    public static final String SCHEDULER_DELAY = "lifeboat.scheduler.slot.delay";
    public static final String SCHEDULER_LAST_SLOT = "lifeboat.scheduler.last.slot.timestamp";

    public static final String STORAGE_RECLAIMED_BYTES = "lifeboat.storage.reclaimed.bytes";
    public static final String STORAGE_PACKS_DELETED = "lifeboat.storage.packs.deleted";
    public static final String STORAGE_OBJECTS = "lifeboat.storage.objects";
    public static final String STORAGE_OBJECTS_REPAIRED = "lifeboat.storage.objects.repaired";
    public static final String STORAGE_UNDER_REPLICATED = "lifeboat.storage.objects.under.replicated";

    public static final String DEAD_LETTERS = "lifeboat.dead.letters";
    public static final String OUTBOX_BACKLOG = "lifeboat.outbox.backlog";
    public static final String OUTBOX_OLDEST = "lifeboat.outbox.oldest.seconds";
    /** The Kafka binder's lag of each consumer group on each topic, renamed from its own name. */
    public static final String CONSUMER_LAG = "lifeboat.consumer.lag";

    public static final List<String> ALL = List.of(BACKUP_REQUESTED, BACKUP_QUEUED, BACKUP_ATTEMPT, BACKUP_SUCCESS,
            BACKUP_FAILURE, BACKUP_PART_FAILURE, BACKUP_DURATION, BACKUP_LAST_SUCCESSFUL, BACKUP_READ_BYTES,
            BACKUP_STORED_BYTES, BACKUP_HOLD, BACKUP_SKEW, BACKUP_RUNNING, BACKUP_RUNNING_LONGEST, BACKUP_DEADLINE,
            BACKUP_VERIFICATION, BACKUP_VERIFICATION_PASSED, BACKUP_LAST_VERIFIED, RESTORE_ATTEMPT, RESTORE_SUCCESS,
            RESTORE_FAILURE, RESTORE_DURATION, RESTORE_LAST_SUCCESSFUL, RESTORE_BYTES, RESTORE_RUNNING,
            RESTORE_RUNNING_LONGEST, RESTORE_DEADLINE, RETENTION_EXPIRED, RETENTION_DELETION_REQUESTED,
            RETENTION_DELETED, SCHEDULER_FIRED, SCHEDULER_LATE, SCHEDULER_DELAY, SCHEDULER_LAST_SLOT,
            STORAGE_RECLAIMED_BYTES, STORAGE_PACKS_DELETED, STORAGE_OBJECTS, STORAGE_OBJECTS_REPAIRED,
            STORAGE_UNDER_REPLICATED, DEAD_LETTERS, OUTBOX_BACKLOG, OUTBOX_OLDEST, CONSUMER_LAG);

    private MetricNames() {
    }
}
