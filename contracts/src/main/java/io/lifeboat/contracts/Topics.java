package io.lifeboat.contracts;

/** Every Lifeboat topic. Names carry their version; a breaking change gets a new topic. */
public final class Topics {

    /** BackupRequested, from the gateway to the snapshot coordinator, when the environment's turn comes. */
    public static final String BACKUP_REQUESTS = "lifeboat.backup-requests.v1";
    /** BackupRequested for automated backups, from the scheduler to the gateway, which queues them. */
    public static final String SCHEDULED_BACKUPS = "lifeboat.scheduled-backups.v1";
    /** Backup lifecycle: started, hold, progress, completed, failed, retention, expired, deletion, verification. */
    public static final String BACKUP_EVENTS = "lifeboat.backup-events.v1";
    /** RestoreRequested, from the gateway to the restore worker. */
    public static final String RESTORE_REQUESTS = "lifeboat.restore-requests.v1";
    /** Restore lifecycle: started, part completed, completed, failed. */
    public static final String RESTORE_EVENTS = "lifeboat.restore-events.v1";
    /** Results of part snapshots, from the type workers to the coordinator. */
    public static final String SNAPSHOT_RESULTS = "lifeboat.snapshot-results.v1";
    /** Projects and environments as the gateway registers them: upserted and deleted. */
    public static final String ENVIRONMENTS = "lifeboat.environments.v1";
    /** Commands to every snapshot worker instance: take the cut now, or abort. Short retention. */
    public static final String SNAPSHOT_CONTROL = "lifeboat.snapshot-control.v1";
    /** From the platform to Lifeboat: environment lifecycle, project deletion, merge and resize requests. */
    public static final String PLATFORM_REQUESTS = "lifeboat.platform-requests.v1";
    /** From Lifeboat to the platform: the backup a merge or resize waits for completed or failed. */
    public static final String PLATFORM_REPLIES = "lifeboat.platform-replies.v1";
    /** Where events that cannot be read go, with the failure in the record headers. */
    public static final String DEAD_LETTER = "lifeboat.dead-letter.v1";

    private static final String SNAPSHOT_TASKS = "lifeboat.snapshot-tasks.%s.v1";

    /** Part snapshot tasks for one service type, for example {@code lifeboat.snapshot-tasks.postgresql.v1}. */
    public static String snapshotTasks(String partType) {
        return SNAPSHOT_TASKS.formatted(partType);
    }

    private Topics() {
    }
}
