package io.lifeboat.snapshot.part;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Who runs a part task. Contract: {@link #claim} succeeds once per part, and only while its backup runs; every
 * later delivery of the same task is refused (and counted). {@link #running} says whether the backup still
 * runs, so that a part of an ended backup stops.
 */
@Component
class PartClaims {

    private final JdbcClient jdbc;
    private final Clock clock;

    PartClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean claim(String backupId, String part) {
        int claimed = jdbc.sql("""
                UPDATE backup_parts SET claimed_at = ? WHERE backup_id = ? AND name = ? AND claimed_at IS NULL
                  AND EXISTS (SELECT 1 FROM backups WHERE id = ? AND status = 'RUNNING')""")
                .params(Timestamp.from(clock.instant()), backupId, part, backupId).update();
        if (claimed == 0) {
            jdbc.sql("UPDATE backup_parts SET refused_claims = refused_claims + 1 WHERE backup_id = ? AND name = ?")
                    .params(backupId, part).update();
        }
        return claimed == 1;
    }

    boolean running(String backupId) {
        return jdbc.sql("SELECT count(*) FROM backups WHERE id = ? AND status = 'RUNNING'").param(backupId)
                .query(Integer.class).single() == 1;
    }
}
