package io.lifeboat.gateway.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.restore.RestoreFailed;
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

/** Restores as the API lists them, kept current from the restore events. */
@Repository
class RestoreStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final Clock clock;

    RestoreStore(JdbcClient jdbc, ApplicationEventPublisher events, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A restore with its parts as one JSON array, in the order the restore worker reported them. */
    private static final String SELECT = """
            SELECT r.*, (SELECT json_agg(json_build_object('name', p.name, 'type', p.type, 'status', p.status,
                                                           'bytes', p.bytes, 'objects', p.objects) ORDER BY p.position)
                         FROM restore_parts p WHERE p.restore_id = r.id) AS parts
            FROM restores r
            """;

    /** A new restore, listed under the project it restores into; {@code source} may be of a deleted project. */
    void insertPending(String id, EnvironmentRef source, String backupId, EnvironmentRef target, boolean restoreCode,
                       boolean replaceMissingDefiners, String commitId, Instant now) {
        jdbc.sql("""
                INSERT INTO restores (id, project_id, backup_id, source_env, environment, status, restore_code,
                                      replace_missing_definers, commit_id, created_at, updated_at, source_project)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)""").params(id, target.project(), backupId,
                source.environment(), target.environment(), restoreCode, replaceMissingDefiners, commitId,
                Timestamp.from(now), Timestamp.from(now),
                source.project().equals(target.project()) ? null : source.project()).update();
    }

    Optional<RestoreView> find(String project, String id) {
        return jdbc.sql(SELECT + "WHERE r.project_id = ? AND r.id = ?").params(project, id)
                .query(RestoreStore::view).optional();
    }

    void started(String id, Instant at) {
        jdbc.sql("UPDATE restores SET status = 'IN_PROGRESS', updated_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(Timestamp.from(at), id).update();
    }

    /** Records what each part brought back, with its object counts; a redelivered completion changes nothing. */
    @Transactional
    void completed(String id, String commitId, List<PartResult> parts, Instant at) {
        int updated = jdbc.sql("""
                UPDATE restores SET status = 'COMPLETED', commit_id = coalesce(?, commit_id),
                completed_at = ?, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS')""")
                .params(commitId, Timestamp.from(at), Timestamp.from(at), id).update();
        for (int i = 0; updated > 0 && i < parts.size(); i++) {
            PartResult p = parts.get(i);
            jdbc.sql("""
                    INSERT INTO restore_parts (restore_id, position, name, type, status, bytes, objects)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""").params(id, i + 1, p.name(),
                    p.type(), p.status().name(), p.bytes(), JSON.writeValueAsString(p.objects())).update();
        }
        events.publishEvent(new OperationEnded(id, "restore", updated > 0 ? "COMPLETED" : "ENDED", null));
    }

    @Transactional
    void failed(String id, String error, String targetState, Instant at) {
        int updated = jdbc.sql("""
                UPDATE restores SET status = 'FAILED', error = ?, target_state = ?, completed_at = ?, updated_at = ?
                WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS')""")
                .params(error, targetState, Timestamp.from(at), Timestamp.from(at), id).update();
        events.publishEvent(new OperationEnded(id, "restore", updated > 0 ? "FAILED" : "ENDED", error));
    }

    /**
     * Marks a restore that will never run, or whose end never came, as failed. One that never left the queue
     * fails on the restore events too, as the restore worker would have reported it: retention stops holding
     * its backup, and dashboards see it end.
     */
    @EventListener
    void cancelled(OperationCancelled event) {
        if (event.kind().equals("restore")) {
            Instant at = clock.instant();
            Timestamp now = Timestamp.from(at);
            jdbc.sql("""
                    UPDATE restores SET status = 'FAILED', error = ?, completed_at = ?, updated_at = ?,
                    target_state = CASE WHEN status = 'PENDING' THEN 'unchanged' ELSE 'unknown' END
                    WHERE id = ? AND status IN ('PENDING', 'IN_PROGRESS')
                    RETURNING project_id, environment, backup_id""").params(event.reason(), now, now, event.id())
                    .query((rs, n) -> new RestoreFailed(Ids.eventId(), at, event.id(), rs.getString(3),
                            new EnvironmentRef(rs.getString(1), rs.getString(2)), event.reason(), "unchanged"))
                    .optional().filter(failed -> !event.dispatched())
                    .ifPresent(failed -> outbox.add(Topics.RESTORE_EVENTS, failed));
        }
    }

    /** The restores into an environment, newest first. */
    List<RestoreView> list(String project, String environment, int limit, Instant before) {
        return jdbc.sql(SELECT + """
                WHERE r.project_id = ? AND r.environment = ? AND r.created_at < ?
                ORDER BY r.created_at DESC, r.id DESC LIMIT ?""").params(project, environment, Timestamp.from(before),
                limit).query(RestoreStore::view).list();
    }

    private static RestoreView view(ResultSet rs, int row) throws SQLException {
        String parts = rs.getString("parts");
        String commit = rs.getString("commit_id");
        return new RestoreView(rs.getString("id"), rs.getString("project_id"), rs.getString("backup_id"),
                rs.getString("source_env"), rs.getString("environment"), rs.getString("status"),
                rs.getBoolean("restore_code"), rs.getBoolean("replace_missing_definers"), commit,
                codeNote(commit, rs.getBoolean("restore_code")), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "completed_at"), parts == null ? List.of()
                : JSON.readValue(parts, new TypeReference<List<RestoreView.RestoredPart>>() {
                }), rs.getString("error"), rs.getString("target_state"), rs.getString("source_project"));
    }

    static String codeNote(String commit, boolean restoreCode) {
        if (commit == null) {
            return "The backup records no commit. Lifeboat never changes your git repository.";
        }
        return "The backup holds commit " + commit + ". Lifeboat never changes your git repository"
                + (restoreCode ? "; the deployed code was restored, but the repository still has your latest code"
                : "; only the data was restored") + ". To make this commit the base of future changes, run "
                + "'git revert --no-commit " + commit + "..HEAD' and commit; to keep your latest code, redeploy.";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
