package io.lifeboat.retention.copy;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps this service's copy of backups from the request and lifecycle events, keyed by backup id. Events may
 * arrive in any order across topics: a status only moves forward (QUEUED, REQUESTED, then COMPLETED or FAILED,
 * then DELETED), and the request's facts are filled in whenever it arrives.
 */
@Service
public class BackupCopy {

    private static final String INSERT = "INSERT INTO backups (backup_id, project, environment, status, automated, "
            + "trigger, requested_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (backup_id) ";

    private final JdbcTemplate jdbc;

    BackupCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a backup event; returns the environment to evaluate again, if any: a backup completed, failed or
     * was deleted, or the request of a completed backup arrived late and changes its facts.
     */
    @Transactional
    public Optional<EnvironmentRef> apply(Event event) {
        switch (event) {
            case BackupQueued q -> jdbc.update(INSERT + """
                    DO UPDATE SET trigger = coalesce(backups.trigger, excluded.trigger),
                    requested_at = coalesce(backups.requested_at, excluded.requested_at)""", q.backupId(),
                    q.environment().project(), q.environment().environment(), "QUEUED", q.automated(), q.trigger(),
                    at(q.occurredAt()), null);
            case BackupRequested r -> {
                String status = jdbc.queryForObject("""
                        INSERT INTO backups (backup_id, project, environment, status, automated, trigger, requested_at,
                        scheduled_for) VALUES (?, ?, ?, 'REQUESTED', ?, ?, ?, ?) ON CONFLICT (backup_id)
                        DO UPDATE SET automated = excluded.automated, trigger = excluded.trigger,
                        requested_at = excluded.requested_at, scheduled_for = excluded.scheduled_for,
                        status = CASE WHEN backups.status = 'QUEUED' THEN 'REQUESTED' ELSE backups.status END
                        RETURNING status""", String.class, r.backupId(), r.environment().project(),
                        r.environment().environment(), r.automated(), r.trigger(), at(r.occurredAt()),
                        at(r.scheduledFor()));
                return "COMPLETED".equals(status) ? Optional.of(r.environment()) : Optional.empty();
            }
            case BackupCompleted c -> {
                jdbc.update(INSERT + "DO UPDATE SET status = 'COMPLETED', completed_at = excluded.completed_at, "
                        + "automated = excluded.automated WHERE backups.status IN ('QUEUED', 'REQUESTED')",
                        c.backupId(), c.environment().project(), c.environment().environment(), "COMPLETED",
                        c.automated(), null, null, at(c.occurredAt()));
                return Optional.of(c.environment());
            }
            case BackupRecovered r -> {
                jdbc.update(INSERT + """
                        DO UPDATE SET trigger = coalesce(backups.trigger, excluded.trigger),
                        requested_at = coalesce(backups.requested_at, excluded.requested_at),
                        completed_at = coalesce(backups.completed_at, excluded.completed_at),
                        status = CASE WHEN backups.status IN ('QUEUED', 'REQUESTED') THEN 'COMPLETED'
                        ELSE backups.status END""",
                        r.backupId(), r.environment().project(), r.environment().environment(), "COMPLETED",
                        r.automated(), r.trigger(), at(r.createdAt()), at(r.completedAt()));
                return Optional.of(r.environment());
            }
            case BackupFailed f -> {
                jdbc.update(INSERT + "DO UPDATE SET status = 'FAILED' WHERE backups.status IN ('QUEUED', 'REQUESTED')",
                        f.backupId(), f.environment().project(), f.environment().environment(), "FAILED", false,
                        null, null, null);
                return Optional.of(f.environment());
            }
            case BackupDeleted d -> {
                jdbc.update(INSERT + "DO UPDATE SET status = 'DELETED'", d.backupId(), d.environment().project(),
                        d.environment().environment(), "DELETED", false, null, null, null);
                return Optional.of(d.environment());
            }
            case BackupDeletionRequested d -> jdbc.update("""
                    INSERT INTO backups (backup_id, project, environment, status, deletion_reason,
                    deletion_requested_at) VALUES (?, ?, ?, 'REQUESTED', ?, ?) ON CONFLICT (backup_id) DO UPDATE SET
                    deletion_reason = coalesce(backups.deletion_reason, excluded.deletion_reason),
                    deletion_requested_at = coalesce(backups.deletion_requested_at, excluded.deletion_requested_at)""",
                    d.backupId(), d.environment().project(), d.environment().environment(), d.reason(),
                    at(d.occurredAt()));
            default -> {
            }
        }
        return Optional.empty();
    }

    /** The environment a backup belongs to, if this copy knows the backup. */
    public Optional<EnvironmentRef> environmentOf(String backupId) {
        return jdbc.query("SELECT project, environment FROM backups WHERE backup_id = ?",
                (rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2)), backupId).stream().findFirst();
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
