package io.lifeboat.gateway.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers POSTs that carried an {@code Idempotency-Key}: first a claim while the request runs, then its
 * response. Keys are per caller and forgotten after a day.
 */
@Repository
class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim older than this belongs to a request that died; the key may be used again. */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    /** What a key holds: a response when {@code status} is set, otherwise a claim of a running request. */
    record Entry(String fingerprint, Integer status, String contentType, String location, byte[] body,
                 Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a new request; false when the key is already known. */
    boolean claim(String scope, String key, String fingerprint) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?").param(Timestamp.from(now.minus(RETENTION)))
                .update();
        jdbc.sql("""
                DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'claimed' AND created_at < ?""")
                .params(scope, key, Timestamp.from(now.minus(ABANDONED))).update();
        return jdbc.sql("""
                INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'claimed', ?)
                ON CONFLICT DO NOTHING""").params(scope, key, fingerprint, Timestamp.from(now)).update() == 1;
    }

    Optional<Entry> find(String scope, String key) {
        return jdbc.sql("SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?").params(scope, key)
                .query((rs, n) -> new Entry(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"),
                        rs.getTimestamp("created_at").toInstant())).optional();
    }

    void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                UPDATE idempotency_keys SET state = 'done', status = ?, content_type = ?, location = ?, body = ?
                WHERE scope = ? AND key = ?""").params(status, contentType, location, body, scope, key).update();
    }

    void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'claimed'")
                .params(scope, key).update();
    }
}
