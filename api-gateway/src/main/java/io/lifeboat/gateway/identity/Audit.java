package io.lifeboat.gateway.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The audit trail: who changed what, and when. Written in the transaction of the change. */
@Component
public class Audit {

    /** One audited change. */
    public record Entry(Instant at, String actor, String action, String target, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Audit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), Callers.current().name(), action, target, detail).update();
    }

    /** The newest entries about a target or anything under it, for example {@code project/acme}. */
    public List<Entry> list(String target, int limit) {
        String escaped = target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("SELECT * FROM audit WHERE target = ? OR target LIKE ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(target, escaped + "/%", limit)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"))).list();
    }
}
