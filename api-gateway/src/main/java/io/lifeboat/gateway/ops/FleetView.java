package io.lifeboat.gateway.ops;

import java.time.Instant;
import java.util.List;

/**
 * The fleet as the caller may see it, built from the event topics.
 *
 * @param asOf           when this view was taken
 * @param caughtUp       false while the view is still reading what the topics held when it started (after a
 *                       restart): until then it may miss backups, and may list environments as out of schedule
 *                       whose last backup it has not read yet
 * @param failuresSince  the start of the window of {@code failed_backups} and {@code recent_restores}
 * @param runningBackups queued, requested and running backups, the oldest first
 * @param failedBackups  backups that failed since {@code failures_since}, the newest first
 * @param outOfSchedule  production environments whose last successful backup is older than their schedule's
 *                       interval plus the margin, the most overdue first
 * @param runningRestores queued, requested and running restores, the oldest first
 * @param recentRestores restores that ended since {@code failures_since}, the newest first
 */
public record FleetView(Instant asOf, boolean caughtUp, Instant failuresSince, List<RunningBackup> runningBackups,
                        List<FailedBackup> failedBackups, List<OutOfSchedule> outOfSchedule,
                        List<FleetRestore> runningRestores, List<FleetRestore> recentRestores) {

    /**
     * A backup not ended yet.
     *
     * @param status        {@code queued} (behind another operation), {@code requested} (dispatched) or
     *                      {@code running} (the coordinator started it)
     * @param phase         of its last progress: {@code preparing}, {@code cutting} or {@code streaming}
     * @param bytesExpected the previous backup's size, an estimate; 0 when unknown
     */
    public record RunningBackup(String project, String environment, String backupId, String status, String trigger,
                                Boolean automated, Boolean safe, Instant queuedAt, Instant requestedAt,
                                Instant startedAt, String phase, long bytesRead, long bytesExpected) {
    }

    /** A failed backup, with its error and the parts that failed. */
    public record FailedBackup(String project, String environment, String backupId, String trigger,
                               Boolean automated, Instant requestedAt, Instant failedAt, String error,
                               List<FailedPart> parts) {
    }

    public record FailedPart(String name, String type, String error) {
    }

    /**
     * An environment owed a backup.
     *
     * @param schedule  the project's schedule, or null when no project event is on the topic any more
     * @param interval  the schedule's interval, ISO-8601 ({@code PT24H}, {@code PT6H})
     * @param basis     {@code environment} (its own and its project's events say it is an active production
     *                  environment) or {@code automated-backups} (those events are gone from the topic; its
     *                  automated backups stand in)
     * @param dueBy     when its next successful backup was due: the last one (or when it became due a schedule)
     *                  plus the interval plus the margin
     */
    public record OutOfSchedule(String project, String environment, String schedule, String interval, String basis,
                                Instant lastSuccessfulBackupAt, String lastSuccessfulBackupId, Instant dueBy) {
    }

    /**
     * A restore.
     *
     * @param status      {@code queued}, {@code requested}, {@code running}, {@code completed} or {@code failed}
     * @param targetState after a failure: {@code unchanged}, or which parts were already restored
     */
    public record FleetRestore(String project, String environment, String restoreId, String backupId,
                          String sourceProject, String sourceEnvironment, String status, Instant queuedAt,
                          Instant requestedAt, Instant startedAt, Instant endedAt, String error,
                          String targetState) {
    }
}
