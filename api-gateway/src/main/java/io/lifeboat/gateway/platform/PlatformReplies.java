package io.lifeboat.gateway.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.platform.PlatformBackupCompleted;
import io.lifeboat.contracts.platform.PlatformBackupFailed;
import io.lifeboat.gateway.operation.OperationCancelled;
import io.lifeboat.gateway.operation.OperationEnded;
import io.lifeboat.support.events.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Tells the platform, once, that the backup its merge or resize waits for has ended or will never run,
 * in the transaction that recorded it.
 */
@Component
class PlatformReplies {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PlatformReplies(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void ended(OperationEnded ended) {
        if (ended.kind().equals("backup")) {
            reply(ended.id(), ended.succeeded(), ended.error() == null ? "the backup " + ended.status().toLowerCase()
                    : ended.error());
        }
    }

    @EventListener
    void cancelled(OperationCancelled cancelled) {
        if (cancelled.kind().equals("backup")) {
            reply(cancelled.id(), false, cancelled.reason());
        }
    }

    private void reply(String backupId, boolean completed, String reason) {
        jdbc.sql("""
                UPDATE platform_requests SET replied_at = ? WHERE backup_id = ? AND replied_at IS NULL
                RETURNING request_id, trigger, project_id, environment""")
                .params(Timestamp.from(clock.instant()), backupId).query((rs, n) -> {
                    String requestId = rs.getString(1);
                    String trigger = rs.getString(2);
                    EnvironmentRef ref = new EnvironmentRef(rs.getString(3), rs.getString(4));
                    Event reply = completed
                            ? new PlatformBackupCompleted(Ids.eventId(), clock.instant(), requestId, ref, trigger,
                            backupId)
                            : new PlatformBackupFailed(Ids.eventId(), clock.instant(), requestId, ref, trigger,
                            backupId, reason);
                    outbox.add(Topics.PLATFORM_REPLIES, reply);
                    return requestId;
                }).list();
    }
}
