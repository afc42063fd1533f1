package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads one environment's {@link Subject} from this service's copy. */
@Repository
class Subjects {

    private final JdbcTemplate jdbc;

    Subjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Subject load(EnvironmentRef ref) {
        Subject.Project project = jdbc.query("SELECT plan, timezone, schedule, deleted_at FROM projects "
                + "WHERE project = ?", (rs, n) -> new Subject.Project(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, 4)), ref.project()).stream().findFirst().orElse(null);
        Subject.Environment environment = jdbc.query("SELECT type, status, deleted_at FROM environments "
                + "WHERE project = ? AND name = ?", (rs, n) -> new Subject.Environment(rs.getString(1),
                rs.getString(2), instant(rs, 3)), ref.project(), ref.environment()).stream().findFirst().orElse(null);
        var backups = jdbc.query("""
                SELECT backup_id, status, automated, trigger, coalesce(requested_at, completed_at), assessed_kept,
                assessed_expires_at, assessed_reasons, scheduled_for FROM backups WHERE project = ? AND environment = ?
                AND deletion_reason IS NULL AND status <> 'DELETED' ORDER BY backup_id""",
                (rs, n) -> new Subject.Backup(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        instant(rs, 5), instant(rs, 9), assessment(rs)), ref.project(), ref.environment());
        return new Subject(ref, project, environment, backups);
    }

    private static Subject.Assessment assessment(ResultSet rs) throws SQLException {
        String reasons = rs.getString(8);
        return reasons == null ? null : new Subject.Assessment(rs.getBoolean(6), instant(rs, 7),
                reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
