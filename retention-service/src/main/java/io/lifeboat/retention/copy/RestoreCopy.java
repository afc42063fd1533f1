package io.lifeboat.retention.copy;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.retention.RetentionProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Knows which backups a restore is reading, or waits to read, so that none is deleted under it. A restore
 * holds its backup from the moment it is queued or requested until it completes or fails. A queued one holds
 * it however long it waits: the gateway reports every queued restore as requested or failed in the end. A
 * requested one not heard of for {@code restore-timeout} counts as ended, so a restore that never reports
 * blocks nothing forever. Ends win over starts, and starts over queueing, whatever the order they arrive in.
 */
@Service
public class RestoreCopy {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RetentionProperties properties;

    RestoreCopy(JdbcTemplate jdbc, Clock clock, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Applies a restore event; returns the backup whose restore just ended, if any. */
    @Transactional
    public Optional<String> apply(Event event) {
        switch (event) {
            case RestoreQueued r -> queued(r.restoreId(), r.backupId());
            case RestoreRequested r -> running(r.restoreId(), r.backupId());
            case RestoreStarted r -> running(r.restoreId(), r.backupId());
            case RestoreCompleted r -> {
                return ended(r.restoreId(), r.backupId());
            }
            case RestoreFailed r -> {
                return ended(r.restoreId(), r.backupId());
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /** A restore reading this backup now, if any. */
    public Optional<String> runningFrom(String backupId) {
        Timestamp heardSince = Timestamp.from(clock.instant().minus(properties.restoreTimeout()));
        return jdbc.queryForList("SELECT restore_id FROM restores WHERE backup_id = ? AND (status = 'QUEUED' "
                + "OR status = 'RUNNING' AND last_event_at > ?) ORDER BY restore_id LIMIT 1", String.class, backupId,
                heardSince).stream().findFirst();
    }

    private void queued(String restoreId, String backupId) {
        jdbc.update("""
                INSERT INTO restores (restore_id, backup_id, status, last_event_at) VALUES (?, ?, 'QUEUED', ?)
                ON CONFLICT (restore_id) DO NOTHING""", restoreId, backupId, Timestamp.from(clock.instant()));
    }

    private void running(String restoreId, String backupId) {
        jdbc.update("""
                INSERT INTO restores (restore_id, backup_id, status, last_event_at) VALUES (?, ?, 'RUNNING', ?)
                ON CONFLICT (restore_id) DO UPDATE SET status = 'RUNNING', last_event_at = excluded.last_event_at
                WHERE restores.status IN ('QUEUED', 'RUNNING')""", restoreId, backupId,
                Timestamp.from(clock.instant()));
    }

    private Optional<String> ended(String restoreId, String backupId) {
        jdbc.update("""
                INSERT INTO restores (restore_id, backup_id, status, last_event_at) VALUES (?, ?, 'ENDED', ?)
                ON CONFLICT (restore_id) DO UPDATE SET status = 'ENDED', last_event_at = excluded.last_event_at""",
                restoreId, backupId, Timestamp.from(clock.instant()));
        return Optional.of(backupId);
    }
}
