package io.lifeboat.gateway.identity;

import io.lifeboat.contracts.Ids;
import io.lifeboat.gateway.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: shown once when created, stored as a SHA-256 hash, revocable, optionally scoped to one project.
 * A token's secret is 32 random bytes, so a plain hash is as strong as a slow one here.
 */
@Service
public class Tokens {

    /** A token as listed: never its secret. */
    public record TokenView(String id, String name, String project, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt) {
    }

    /** A new token, with its secret, returned once. Its {@code toString} never shows the secret. */
    public record NewToken(String id, String name, String project, String token, Instant createdAt) {

        @Override
        public String toString() {
            return "NewToken[id=" + id + ", name=" + name + ", project=" + project + ", token=<redacted>, createdAt="
                    + createdAt + "]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    Tokens(JdbcClient jdbc, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(String userId, String name, String project) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "lb_" + HexFormat.of().formatHex(secret);
        String id = Ids.timeOrdered(clock);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO tokens (id, user_id, name, project_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, userId, name, project, hash(token), Timestamp.from(now)).update();
        audit.record("token.created", "token/" + id, name + (project == null ? "" : " for project " + project));
        return new NewToken(id, name, project, token, now);
    }

    /** A user's tokens; a token scoped to a project lists only that project's tokens. */
    List<TokenView> list(String userId, String scope) {
        return jdbc.sql("""
                SELECT * FROM tokens WHERE user_id = ? AND (CAST(? AS text) IS NULL OR project_id = ?)
                ORDER BY created_at DESC""").params(userId, scope, scope)
                .query((rs, n) -> new TokenView(rs.getString("id"), rs.getString("name"), rs.getString("project_id"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at")))).list();
    }

    @Transactional
    /** Revokes a token of the user (any token for root); a scoped token reaches only its project's tokens. */
    void revoke(String userId, String scope, String id, boolean anyUser) {
        int revoked = jdbc.sql("""
                UPDATE tokens SET revoked_at = ? WHERE id = ? AND (user_id = ? OR ?) AND revoked_at IS NULL
                AND (CAST(? AS text) IS NULL OR project_id = ?)""").params(Timestamp.from(clock.instant()), id,
                userId, anyUser, scope, scope).update();
        if (revoked == 0) {
            throw Problems.notFound("token " + id);
        }
        audit.record("token.revoked", "token/" + id, null);
    }

    /** The caller a presented token stands for, if it exists and is not revoked. */
    Optional<Caller> authenticate(String token) {
        return jdbc.sql("""
                SELECT t.id, t.project_id, u.id AS user_id, u.name, u.platform_role FROM tokens t
                JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL""")
                .param(hash(token)).query((rs, n) -> new Caller(rs.getString("user_id"), rs.getString("name"),
                        rs.getString("platform_role"), rs.getString("project_id"), rs.getString("id"))).optional();
    }

    void touched(String tokenId) {
        jdbc.sql("UPDATE tokens SET last_used_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), tokenId)
                .update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
