package io.lifeboat.restore.job;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** Where a part of a switch-over is: staged, its switch-over begun (maybe half done), or switched. */
    enum PartState { STAGED, SWITCHING, SWITCHED }

    record SwitchedPart(String name, String type, PartState state, long bytes, Map<String, Long> objects) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    RestoreLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a restore as running, with its deadline; false when it is already known (its deadline stays). */
    boolean insert(RestoreRequested request, Instant now, Instant deadline) {
        // a restore first recorded by a worker that kept no requests gets its request now (xmax = 0: inserted)
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                INSERT INTO restores (id, backup_id, project, environment, status, created_at, deadline, request)
                VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET request = COALESCE(restores.request, excluded.request)
                RETURNING (xmax = 0)""", Boolean.class, request.restoreId(),
                request.backupId(), request.target().project(), request.target().environment(), Timestamp.from(now),
                Timestamp.from(deadline), EventCodec.toJson(request)));
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
    boolean startSwitch(String id, String owner, Instant now, List<BackupManifest.PartRef> parts) {
        if (jdbc.update("""
                UPDATE restores SET switch_started_at = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'
                AND switch_started_at IS NULL AND lease_until > ? AND deadline > ?""", Timestamp.from(now), id,
                owner, Timestamp.from(now), Timestamp.from(now)) != 1) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            jdbc.update("INSERT INTO restore_parts (restore_id, position, part, type, state) VALUES (?, ?, ?, ?, ?)",
                    id, i, parts.get(i).name(), parts.get(i).type(), PartState.STAGED.name());
        }
        return true;
    }

    /**
     * Moves one part of {@code owner}'s switch-over to {@code state}, with what it restored once SWITCHED; false
     * when the run no longer owns the restore under an unexpired lease: it must then switch nothing more. The
     * restore's row is locked first, so this waits for a reaper's takeover to commit, and then fails.
     */
    boolean partIs(String id, String owner, Instant now, String part, PartState state, long bytes,
                   Map<String, Long> objects) {
        return jdbc.update("""
                WITH owned AS (SELECT id FROM restores WHERE id = ? AND owner = ? AND status = 'RUNNING'
                AND lease_until > ? FOR UPDATE)
                UPDATE restore_parts SET state = ?, bytes = ?, objects = ?
                WHERE restore_id IN (SELECT id FROM owned) AND part = ?""", id, owner, Timestamp.from(now),
                state.name(), bytes, JSON.writeValueAsString(objects), part) == 1;
    }

    /** The parts of a restore's switch-over, in the order they switch; empty before it started. */
    List<SwitchedPart> parts(String id) {
        return jdbc.query("SELECT * FROM restore_parts WHERE restore_id = ? ORDER BY position", (rs, n) ->
                new SwitchedPart(rs.getString("part"), rs.getString("type"), PartState.valueOf(rs.getString("state")),
                        rs.getLong("bytes"), objects(rs.getString("objects"))), id);
    }

    /** The request as it arrived, or empty for a restore recorded before requests were kept. */
    Optional<RestoreRequested> request(String id) {
        return jdbc.query("SELECT request FROM restores WHERE id = ? AND request IS NOT NULL",
                (rs, n) -> EventCodec.decode(rs.getString(1).getBytes(StandardCharsets.UTF_8),
                        RestoreRequested.class), id).stream().findFirst();
    }

    /** A reaper takes over a restore whose run stopped: the run's later updates then all fail. */
    void takeOver(String id, String reaper, Instant now, Duration lease) {
        jdbc.update("UPDATE restores SET owner = ?, lease_until = ? WHERE id = ? AND status = 'RUNNING'", reaper,
                Timestamp.from(now.plus(lease)), id);
    }

    private static Map<String, Long> objects(@Nullable String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Long>>() { });
    }

    /** Ends a running restore for the run that claimed it; false if it had ended or another run took it over. */
    boolean finish(String id, String owner, String status, String error, Instant at) {
        return jdbc.update("UPDATE restores SET status = ?, error = ?, completed_at = ? WHERE id = ? "
                + "AND owner = ? AND status = 'RUNNING'", status, error, Timestamp.from(at), id, owner) == 1;
    }

    /** Ends a running restore whoever runs it, as {@code status}; false if it had already ended. */
    boolean end(String id, String status, @Nullable String error, Instant at) {
        return jdbc.update("UPDATE restores SET status = ?, error = ?, completed_at = ? WHERE id = ? "
                + "AND status = 'RUNNING'", status, error, Timestamp.from(at), id) == 1;
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
