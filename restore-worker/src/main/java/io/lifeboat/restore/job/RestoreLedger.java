package io.lifeboat.restore.job;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The restores this worker ran or runs. A restore's deadline is fixed when it is first recorded and never
 * moves. A run claims a restore with a lease, and its switch-over starts only through {@link #startSwitch},
 * so one restore never switches twice, nor after it ended.
 */
@Repository
class RestoreLedger {

    /**
     * @param owner           the run that holds or last held the lease, or null
     * @param switchStartedAt when its switch-over started, or null: until then the target is unchanged
     */
    record Restore(String id, String backupId, EnvironmentRef target, String status, Instant deadline,
                   @Nullable String owner, @Nullable Instant leaseUntil, @Nullable Instant switchStartedAt) {
    }

    private static final RowMapper<Restore> ROWS = (rs, n) -> new Restore(rs.getString("id"),
            rs.getString("backup_id"), new EnvironmentRef(rs.getString("project"), rs.getString("environment")),
            rs.getString("status"), rs.getTimestamp("deadline").toInstant(), rs.getString("owner"),
            instant(rs.getTimestamp("lease_until")), instant(rs.getTimestamp("switch_started_at")));

    private final JdbcTemplate jdbc;

    RestoreLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a restore as running, with its deadline; false when it is already known (its deadline stays). */
    boolean insert(RestoreRequested request, Instant now, Instant deadline) {
        return jdbc.update("""
                INSERT INTO restores (id, backup_id, project, environment, status, created_at, deadline)
                VALUES (?, ?, ?, ?, 'RUNNING', ?, ?) ON CONFLICT (id) DO NOTHING""", request.restoreId(),
                request.backupId(), request.target().project(), request.target().environment(), Timestamp.from(now),
                Timestamp.from(deadline)) == 1;
    }

    Optional<Restore> find(String id) {
        return jdbc.query("SELECT * FROM restores WHERE id = ?", ROWS, id).stream().findFirst();
    }

    /**
     * Claims a running restore for {@code owner} until {@code now + lease}: only if no other run holds an
     * unexpired lease, its switch-over never started and its deadline has not passed.
     *
     * @return the restore's stored deadline, or empty when it was not claimed
     */
    Optional<Instant> claim(String id, String owner, Instant now, Duration lease) {
        return jdbc.query("""
                UPDATE restores SET owner = ?, lease_until = ? WHERE id = ? AND status = 'RUNNING'
                AND switch_started_at IS NULL AND deadline > ? AND (lease_until IS NULL OR lease_until <= ?)
                RETURNING deadline""", (rs, n) -> rs.getTimestamp(1).toInstant(), owner,
                Timestamp.from(now.plus(lease)), id, Timestamp.from(now), Timestamp.from(now)).stream().findFirst();
    }

    /** Extends the lease of the run that holds it; false when another run took it over or it ended. */
    boolean renew(String id, String owner, Instant now, Duration lease) {
        return jdbc.update("UPDATE restores SET lease_until = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'",
                Timestamp.from(now.plus(lease)), id, owner) == 1;
    }

    /**
     * The one way into a switch-over: true only for the owner of an unexpired lease, before the deadline, while
     * the restore runs and had not started switching. After false, the run must switch nothing.
     */
    boolean startSwitch(String id, String owner, Instant now) {
        return jdbc.update("""
                UPDATE restores SET switch_started_at = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'
                AND switch_started_at IS NULL AND lease_until > ? AND deadline > ?""", Timestamp.from(now), id,
                owner, Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /** Ends a running restore for the run that claimed it; false if it had ended or another run took it over. */
    boolean finish(String id, String owner, String status, String error, Instant at) {
        return jdbc.update("UPDATE restores SET status = ?, error = ?, completed_at = ? WHERE id = ? "
                + "AND owner = ? AND status = 'RUNNING'", status, error, Timestamp.from(at), id, owner) == 1;
    }

    /** Fails a running restore whoever runs it; false if it had already ended. */
    boolean fail(String id, String error, Instant at) {
        return jdbc.update("UPDATE restores SET status = 'FAILED', error = ?, completed_at = ? WHERE id = ? "
                + "AND status = 'RUNNING'", error, Timestamp.from(at), id) == 1;
    }

    /**
     * Running restores whose run stopped renewing its lease (a crashed worker: its redelivery found the lease
     * held and was consumed), and, before their switch-over, those past their deadline; a switch-over under a
     * live lease is left to finish. Locked until the caller's transaction ends, skipping those another reaper
     * holds.
     */
    List<Restore> overdue(Instant now) {
        return jdbc.query("""
                SELECT * FROM restores WHERE status = 'RUNNING' AND (lease_until <= ?
                OR (switch_started_at IS NULL AND deadline <= ?)) FOR UPDATE SKIP LOCKED""", ROWS,
                Timestamp.from(now), Timestamp.from(now));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
