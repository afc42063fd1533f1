package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartResult.PartStatus;
import io.lifeboat.contracts.backup.BackupRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The coordinator's table of backups and their parts. */
@Repository
class BackupLedger {

    record Backup(String id, EnvironmentRef environment, boolean safe, boolean automated, String trigger,
                  String commitSha, String status, Instant createdAt, Instant deadline) {
    }

    private final JdbcTemplate jdbc;

    BackupLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new backup; false if it is already known (a redelivered request). */
    boolean insert(BackupRequested request, Instant now, Instant deadline) {
        int inserted = jdbc.update("""
                INSERT INTO backups (id, project, environment, safe, automated, trigger, commit_sha, status,
                                     created_at, deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?) ON CONFLICT (id) DO NOTHING""",
                request.backupId(), request.environment().project(), request.environment().environment(),
                request.safe(), request.automated(), request.trigger(), request.commitSha(), Timestamp.from(now),
                Timestamp.from(deadline));
        if (inserted == 0) {
            return false;
        }
        request.parts().forEach(part -> jdbc.update(
                "INSERT INTO backup_parts (backup_id, name, type, status) VALUES (?, ?, ?, 'PENDING')",
                request.backupId(), part.name(), part.type()));
        return true;
    }

    /** The backup, locked for update. */
    Optional<Backup> lock(String backupId) {
        return jdbc.query("SELECT * FROM backups WHERE id = ? FOR UPDATE", (rs, n) -> new Backup(rs.getString("id"),
                new EnvironmentRef(rs.getString("project"), rs.getString("environment")), rs.getBoolean("safe"),
                rs.getBoolean("automated"), rs.getString("trigger"), rs.getString("commit_sha"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deadline").toInstant()), backupId).stream().findFirst();
    }

    void completePart(String backupId, PartResult result) {
        jdbc.update("""
                UPDATE backup_parts SET status = 'COMPLETED', bytes = ?, stored_bytes = ?, point_in_time = ?
                WHERE backup_id = ? AND name = ?""", result.bytes(), result.storedBytes(),
                result.pointInTime() == null ? null : Timestamp.from(result.pointInTime()), backupId, result.name());
    }

    void failPart(String backupId, String part, String error) {
        jdbc.update("UPDATE backup_parts SET status = 'FAILED', error = ? WHERE backup_id = ? AND name = ?",
                error, backupId, part);
    }

    List<PartResult> parts(String backupId) {
        return jdbc.query("SELECT * FROM backup_parts WHERE backup_id = ? ORDER BY name", (rs, n) -> new PartResult(
                rs.getString("name"), rs.getString("type"), PartStatus.valueOf(rs.getString("status")),
                rs.getLong("bytes"), rs.getLong("stored_bytes"),
                rs.getTimestamp("point_in_time") == null ? null : rs.getTimestamp("point_in_time").toInstant(),
                rs.getString("error")), backupId);
    }

    void finish(String backupId, String status, String error, Instant at) {
        jdbc.update("UPDATE backups SET status = ?, error = ?, completed_at = ? WHERE id = ?", status, error,
                Timestamp.from(at), backupId);
    }

    /** Running backups whose deadline passed, locked, skipping those another instance is handling. */
    List<String> overdue(Instant now) {
        return jdbc.queryForList("SELECT id FROM backups WHERE status = 'RUNNING' AND deadline < ? "
                + "FOR UPDATE SKIP LOCKED LIMIT 50", String.class, Timestamp.from(now));
    }
}
