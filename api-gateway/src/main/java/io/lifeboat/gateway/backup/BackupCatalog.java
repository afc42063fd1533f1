package io.lifeboat.gateway.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.gateway.operation.OperationCancelled;
import io.lifeboat.gateway.operation.OperationEnded;
import io.lifeboat.support.events.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The backup catalog: what the API lists, kept current from the backup events. */
@Repository
public class BackupCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Outbox outbox;

    BackupCatalog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Outbox outbox) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Adds a requested backup as pending, unless the catalog has it already. */
    void requested(BackupRequested e) {
        List<BackupView.PartView> parts = e.parts().stream()
                .map(p -> new BackupView.PartView(p.name(), p.type(), "PENDING", 0)).toList();
        jdbc.sql("""
                INSERT INTO backups (id, project_id, environment, status, safe, automated, trigger, commit_id,
                                     created_at, updated_at, parts)
                VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(e.backupId(), e.environment().project(), e.environment().environment(), e.safe(),
                        e.automated(), e.trigger(), e.commitSha(), Timestamp.from(e.occurredAt()),
                        Timestamp.from(e.occurredAt()), JSON.writeValueAsString(parts)).update();
    }

    public Optional<BackupView> find(EnvironmentRef environment, String id) {
        return jdbc.sql("SELECT * FROM backups WHERE id = ? AND project_id = ? AND environment = ? "
                        + "AND status <> 'DELETED'").params(id, environment.project(), environment.environment())
                .query(BackupCatalog::view).optional();
    }

    /** Every backup a project still has, in any environment, newest first: after its deletion, its tombstones. */
    List<BackupView> remaining(String project) {
        return jdbc.sql("SELECT * FROM backups WHERE project_id = ? AND status <> 'DELETED' "
                + "ORDER BY created_at DESC, id DESC").param(project).query(BackupCatalog::view).list();
    }

    List<BackupView> list(EnvironmentRef environment, int limit, Instant before) {
        return jdbc.sql("""
                SELECT * FROM backups WHERE project_id = ? AND environment = ? AND status <> 'DELETED'
                AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(environment.project(), environment.environment(), Timestamp.from(before), limit)
                .query(BackupCatalog::view).list();
    }

    void started(String id, Instant at) {
        jdbc.sql("""
                UPDATE backups SET status = 'IN_PROGRESS', started_at = ?, updated_at = ?
                WHERE id = ? AND status = 'PENDING'""").params(Timestamp.from(at), Timestamp.from(at), id).update();
    }

    void partCompleted(String id, PartResult part, Instant at) {
        jdbc.sql("SELECT parts FROM backups WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .ifPresent(json -> {
                    List<BackupView.PartView> parts = readParts(json).stream()
                            .map(p -> p.name().equals(part.name())
                                    ? new BackupView.PartView(p.name(), p.type(), part.status().name(), part.bytes())
                                    : p).toList();
                    jdbc.sql("UPDATE backups SET parts = ?, updated_at = ? WHERE id = ?")
                            .params(JSON.writeValueAsString(parts), Timestamp.from(at), id).update();
                });
    }

    @Transactional
    void completed(String id, List<PartResult> parts, long size, long stored, Long holdMillis, long skewMillis,
                   Instant at) {
        int updated = jdbc.sql("""
                UPDATE backups SET status = 'COMPLETED', restorable = true, completed_at = ?, updated_at = ?,
                size_bytes = ?, stored_bytes = ?, hold_millis = ?, skew_millis = ?, parts = ?
                WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS')""").params(Timestamp.from(at),
                Timestamp.from(at), size, stored, holdMillis, skewMillis, JSON.writeValueAsString(views(parts)), id)
                .update();
        events.publishEvent(new OperationEnded(id, "backup", updated > 0 ? "COMPLETED" : status(id), null));
    }

    @Transactional
    void failed(String id, String error, List<PartResult> parts, Instant at) {
        int updated = jdbc.sql("""
                UPDATE backups SET status = 'FAILED', error = ?, completed_at = ?, updated_at = ?,
                parts = CASE WHEN ? THEN parts ELSE ? END
                WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS')""").params(error, Timestamp.from(at),
                Timestamp.from(at), parts.isEmpty(), JSON.writeValueAsString(views(parts)), id).update();
        events.publishEvent(new OperationEnded(id, "backup", updated > 0 ? "FAILED" : status(id), error));
    }

    /** Marks a backup that will never run, or whose end never came, as failed ({@link #endedByGateway}). */
    @EventListener
    void cancelled(OperationCancelled event) {
        if (event.kind().equals("backup")) {
            endedByGateway(event.id(), event.reason());
        }
    }

    /**
     * Fails a backup that the gateway ends itself (cancelled, given up on, or refused before it started), and
     * says so with {@code backup.failed} on the backup events, as the coordinator would have: retention and
     * dashboards never wait for it. Idempotent: a backup that already ended is left as it is.
     */
    void endedByGateway(String id, String reason) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                UPDATE backups SET status = 'FAILED', error = ?, completed_at = ?, updated_at = ?
                WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS') RETURNING project_id, environment""")
                .params(reason, now, now, id)
                .query((rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2))).optional()
                .ifPresent(ref -> outbox.add(Topics.BACKUP_EVENTS, new BackupFailed(Ids.eventId(), at, id, ref,
                        reason, List.of())));
    }

    /** Whether the catalog knows the backup, in any state. */
    boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM backups WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Whether a backup may still be restored: completed and not being deleted. */
    public boolean restorable(String id) {
        return jdbc.sql("SELECT restorable FROM backups WHERE id = ?").param(id).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Locks a backup's row until the end of the transaction, so that a deletion and a restore do not cross. */
    public void lock(String id) {
        jdbc.sql("SELECT id FROM backups WHERE id = ? FOR UPDATE").param(id).query(String.class).optional();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM backups WHERE id = ?").param(id).query(String.class).optional()
                .orElse("UNKNOWN");
    }

    /** Records what retention last decided: until when the backup is kept, and why. */
    void retained(String id, Instant expiresAt, List<String> reasons, Instant at) {
        jdbc.sql("UPDATE backups SET expires_at = ?, retention = ?, updated_at = ? WHERE id = ?")
                .params(expiresAt == null ? null : Timestamp.from(expiresAt), JSON.writeValueAsString(reasons),
                        Timestamp.from(at), id).update();
    }

    void markDeleting(String id, Instant at) {
        jdbc.sql("""
                UPDATE backups SET status = 'DELETING', restorable = false, updated_at = ?
                WHERE id = ? AND status <> 'DELETED'""")
                .params(Timestamp.from(at), id).update();
    }

    void deleted(String id, Instant at) {
        jdbc.sql("UPDATE backups SET status = 'DELETED', restorable = false, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void verificationRequested(String id, double sample, Instant at) {
        jdbc.sql("""
                UPDATE backups SET verification_status = 'RUNNING', verification_sample = ?,
                verification_requested_at = ?, verified_at = NULL, verification_chunks = NULL,
                verification_bytes = NULL, verification_errors = NULL, updated_at = ? WHERE id = ?""")
                .params(sample, Timestamp.from(at), Timestamp.from(at), id).update();
    }

    /** Backups whose verification is running since before the given instant. */
    List<String> verificationsRequestedBefore(Instant before) {
        return jdbc.sql("""
                SELECT id FROM backups WHERE verification_status = 'RUNNING' AND verification_requested_at < ?
                ORDER BY verification_requested_at""").param(Timestamp.from(before)).query(String.class).list();
    }

    /**
     * Ends a verification whose result never came as failed, with the reason as its error, and publishes that
     * result. Idempotent: a verification that ended meanwhile is left as it is. A result that comes later still
     * replaces it.
     */
    @Transactional
    void verificationTimedOut(String id, String reason) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                UPDATE backups SET verification_status = 'FAILED', verified_at = ?, verification_chunks = 0,
                verification_bytes = 0, verification_errors = ?, updated_at = ?
                WHERE id = ? AND verification_status = 'RUNNING'
                RETURNING project_id, environment, verification_sample""")
                .params(now, JSON.writeValueAsString(List.of(reason)), now, id)
                .query((rs, n) -> new BackupVerified(Ids.eventId(), at, id, new EnvironmentRef(rs.getString(1),
                        rs.getString(2)), rs.getDouble(3), false, 0, 0, List.of(reason))).optional()
                .ifPresent(result -> outbox.add(Topics.BACKUP_EVENTS, result));
    }

    void verified(String id, boolean passed, long chunks, long bytes, List<String> errors, Instant at) {
        jdbc.sql("""
                UPDATE backups SET verification_status = ?, verified_at = ?, verification_chunks = ?,
                verification_bytes = ?, verification_errors = ?, updated_at = ? WHERE id = ?""")
                .params(passed ? "PASSED" : "FAILED", Timestamp.from(at), chunks, bytes,
                        JSON.writeValueAsString(errors), Timestamp.from(at), id).update();
    }

    /** Adds a backup that catalog recovery found in storage, unless the catalog has it already. */
    void recovered(BackupRecovered e) {
        jdbc.sql("""
                INSERT INTO backups (id, project_id, environment, status, safe, automated, trigger, commit_id,
                                     created_at, updated_at, completed_at, restorable, size_bytes, stored_bytes,
                                     hold_millis, skew_millis, parts)
                VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(e.backupId(), e.environment().project(), e.environment().environment(), e.safe(),
                        e.automated(), e.trigger(), e.commitSha(), Timestamp.from(e.createdAt()),
                        Timestamp.from(e.occurredAt()), Timestamp.from(e.completedAt()), e.sizeBytes(),
                        e.storedBytes(), e.holdMillis(), e.skewMillis(), JSON.writeValueAsString(views(e.parts())))
                .update();
    }

    private static List<BackupView.PartView> views(List<PartResult> parts) {
        return parts.stream().map(p -> new BackupView.PartView(p.name(), p.type(), p.status().name(), p.bytes()))
                .toList();
    }

    private static List<BackupView.PartView> readParts(String json) {
        return JSON.readValue(json, new TypeReference<List<BackupView.PartView>>() {
        });
    }

    private static BackupView view(ResultSet rs, int row) throws SQLException {
        return new BackupView(rs.getString("id"), rs.getString("project_id"), rs.getString("environment"),
                rs.getString("status"), rs.getBoolean("safe"), rs.getBoolean("automated"), rs.getString("trigger"),
                rs.getString("commit_id"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"), instant(rs, "expires_at"), rs.getBoolean("restorable"),
                rs.getLong("size_bytes"), rs.getLong("stored_bytes"), (Long) rs.getObject("hold_millis"),
                (Long) rs.getObject("skew_millis"), readParts(rs.getString("parts")), rs.getString("error"),
                verification(rs), strings(rs.getString("retention")));
    }

    private static BackupView.Verification verification(ResultSet rs) throws SQLException {
        String status = rs.getString("verification_status");
        if (status == null) {
            return null;
        }
        String errors = rs.getString("verification_errors");
        return new BackupView.Verification(status, rs.getDouble("verification_sample"),
                instant(rs, "verification_requested_at"), instant(rs, "verified_at"),
                (Long) rs.getObject("verification_chunks"), (Long) rs.getObject("verification_bytes"),
                strings(errors));
    }

    private static List<String> strings(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
