package io.lifeboat.restore.job;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The restores this worker ran or runs. */
@Repository
class RestoreLedger {

    record Restore(String id, String backupId, EnvironmentRef target, String status) {
    }

    private final JdbcTemplate jdbc;

    RestoreLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a restore as running; false when it is already known. */
    boolean insert(RestoreRequested request, Instant now, Instant deadline) {
        return jdbc.update("""
                INSERT INTO restores (id, backup_id, project, environment, status, created_at, deadline)
                VALUES (?, ?, ?, ?, 'RUNNING', ?, ?) ON CONFLICT (id) DO NOTHING""", request.restoreId(),
                request.backupId(), request.target().project(), request.target().environment(), Timestamp.from(now),
                Timestamp.from(deadline)) == 1;
    }

    Optional<Restore> find(String id) {
        return jdbc.query("SELECT * FROM restores WHERE id = ?", (rs, n) -> new Restore(rs.getString("id"),
                rs.getString("backup_id"), new EnvironmentRef(rs.getString("project"), rs.getString("environment")),
                rs.getString("status")), id).stream().findFirst();
    }

    /** Ends a running restore; false if it had already ended (for example, timed out). */
    boolean finish(String id, String status, String error, Instant at) {
        return jdbc.update("UPDATE restores SET status = ?, error = ?, completed_at = ? WHERE id = ? "
                + "AND status = 'RUNNING'", status, error, Timestamp.from(at), id) == 1;
    }

    List<Restore> overdue(Instant now) {
        return jdbc.query("SELECT * FROM restores WHERE status = 'RUNNING' AND deadline < ? FOR UPDATE SKIP LOCKED",
                (rs, n) -> new Restore(rs.getString("id"), rs.getString("backup_id"),
                        new EnvironmentRef(rs.getString("project"), rs.getString("environment")),
                        rs.getString("status")), Timestamp.from(now));
    }
}
