package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartResult.PartStatus;
import io.lifeboat.contracts.backup.BackupRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The coordinator's table of backups and their parts. */
@Repository
class BackupLedger {

    /** A running or ended backup. {@code phase} is PREPARING, CUTTING or STREAMING while it runs. */
    record Backup(String id, EnvironmentRef environment, boolean safe, boolean automated, String trigger,
                  String commitSha, String status, String phase, Hooks hooks, Instant createdAt, Instant deadline,
                  Instant phaseDeadline, Instant holdStartedAt, Long holdMillis) {

        boolean running() {
            return status.equals("RUNNING");
        }
    }

    private final JdbcTemplate jdbc;

    BackupLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new backup; false if it is already known (a redelivered request). */
    boolean insert(BackupRequested request, String phase, Instant now, Instant deadline, Instant phaseDeadline) {
        Hooks hooks = request.hooks();
        int inserted = jdbc.update("""
                INSERT INTO backups (id, project, environment, safe, automated, trigger, commit_sha, status, phase,
                                     created_at, deadline, phase_deadline, hold_hook, release_hook)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                request.backupId(), request.environment().project(), request.environment().environment(),
                request.safe(), request.automated(), request.trigger(), request.commitSha(), phase,
                Timestamp.from(now), Timestamp.from(deadline), timestamp(phaseDeadline),
                hooks == null ? null : hooks.hold(), hooks == null ? null : hooks.release());
        if (inserted == 0) {
            return false;
        }
        request.parts().forEach(part -> jdbc.update("""
                INSERT INTO backup_parts (backup_id, name, type, status, last_seen) VALUES (?, ?, ?, 'PENDING', ?)""",
                request.backupId(), part.name(), part.type(), Timestamp.from(now)));
        return true;
    }

    /** The backup, locked for update. */
    Optional<Backup> lock(String backupId) {
        return jdbc.query("SELECT * FROM backups WHERE id = ? FOR UPDATE", BackupLedger::backup, backupId).stream()
                .findFirst();
    }

    void setPhase(String backupId, String phase, Instant phaseDeadline) {
        jdbc.update("UPDATE backups SET phase = ?, phase_deadline = ? WHERE id = ?", phase, timestamp(phaseDeadline),
                backupId);
    }

    void holdStarted(String backupId, Instant at, Instant deadline) {
        jdbc.update("UPDATE backups SET phase = 'CUTTING', hold_started_at = ?, phase_deadline = ? WHERE id = ?",
                Timestamp.from(at), Timestamp.from(deadline), backupId);
    }

    void holdReleased(String backupId, long holdMillis) {
        jdbc.update("UPDATE backups SET phase = 'STREAMING', phase_deadline = NULL, hold_millis = ? WHERE id = ?",
                holdMillis, backupId);
    }

    /** Moves a part to a state; returns false if it was not in one of {@code from}. */
    boolean partState(String backupId, String part, String state, Instant pointInTime, List<String> from) {
        return jdbc.update("UPDATE backup_parts SET status = ?, point_in_time = coalesce(?, point_in_time) "
                        + "WHERE backup_id = ? AND name = ? AND status = ANY (?)", state, timestamp(pointInTime), backupId,
                part, from.toArray(String[]::new)) == 1;
    }

    void seen(String backupId, String part, long bytesRead, Instant at) {
        jdbc.update("UPDATE backup_parts SET last_seen = ?, bytes_read = ? WHERE backup_id = ? AND name = ?",
                Timestamp.from(at), bytesRead, backupId, part);
    }

    long bytesRead(String backupId) {
        Long total = jdbc.queryForObject("SELECT coalesce(sum(bytes_read), 0) FROM backup_parts WHERE backup_id = ?",
                Long.class, backupId);
        return total == null ? 0 : total;
    }

    void completePart(String backupId, PartResult result) {
        jdbc.update("""
                UPDATE backup_parts SET status = 'COMPLETED', bytes = ?, stored_bytes = ?, point_in_time = ?
                WHERE backup_id = ? AND name = ?""", result.bytes(), result.storedBytes(),
                timestamp(result.pointInTime()), backupId, result.name());
    }

    void failPart(String backupId, String part, String error) {
        jdbc.update("UPDATE backup_parts SET status = 'FAILED', error = ? WHERE backup_id = ? AND name = ?",
                error, backupId, part);
    }

    /** Every part as its status stands; PREPARED and CUT count as PENDING to the outside. */
    List<PartResult> parts(String backupId) {
        return jdbc.query("SELECT * FROM backup_parts WHERE backup_id = ? ORDER BY name", (rs, n) -> new PartResult(
                rs.getString("name"), rs.getString("type"), outward(rs.getString("status")),
                rs.getLong("bytes"), rs.getLong("stored_bytes"), instant(rs, "point_in_time"), rs.getString("error")),
                backupId);
    }

    List<String> partsIn(String backupId, String status) {
        return jdbc.queryForList("SELECT name FROM backup_parts WHERE backup_id = ? AND status = ?", String.class,
                backupId, status);
    }

    void finish(String backupId, String status, String error, Instant at) {
        jdbc.update("UPDATE backups SET status = ?, error = ?, completed_at = ?, phase_deadline = NULL WHERE id = ?",
                status, error, Timestamp.from(at), backupId);
    }

    /** Running backups past a deadline, locked, skipping those another instance is handling. */
    List<String> overdue(Instant now, Instant silentSince) {
        return jdbc.queryForList("""
                SELECT b.id FROM backups b WHERE b.status = 'RUNNING' AND (b.deadline < ? OR b.phase_deadline < ?
                   OR EXISTS (SELECT 1 FROM backup_parts p WHERE p.backup_id = b.id
                              AND p.status NOT IN ('COMPLETED', 'FAILED') AND p.last_seen < ?))
                FOR UPDATE SKIP LOCKED LIMIT 50""", String.class, Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(silentSince));
    }

    List<String> silentParts(String backupId, Instant silentSince) {
        return jdbc.queryForList("SELECT name FROM backup_parts WHERE backup_id = ? AND status NOT IN ('COMPLETED', "
                + "'FAILED') AND last_seen < ?", String.class, backupId, Timestamp.from(silentSince));
    }

    private static PartStatus outward(String status) {
        return switch (status) {
            case "COMPLETED" -> PartStatus.COMPLETED;
            case "FAILED" -> PartStatus.FAILED;
            default -> PartStatus.PENDING;
        };
    }

    private static Backup backup(ResultSet rs, int row) throws SQLException {
        String hold = rs.getString("hold_hook");
        Long holdMillis = (Long) rs.getObject("hold_millis");
        return new Backup(rs.getString("id"), new EnvironmentRef(rs.getString("project"), rs.getString("environment")),
                rs.getBoolean("safe"), rs.getBoolean("automated"), rs.getString("trigger"), rs.getString("commit_sha"),
                rs.getString("status"), rs.getString("phase"), hold == null ? null
                : new Hooks(hold, rs.getString("release_hook")), instant(rs, "created_at"), instant(rs, "deadline"),
                instant(rs, "phase_deadline"), instant(rs, "hold_started_at"), holdMillis);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
