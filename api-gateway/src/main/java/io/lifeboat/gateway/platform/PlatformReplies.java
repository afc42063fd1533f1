package io.lifeboat.gateway.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.platform.PlatformBackupCompleted;
import io.lifeboat.contracts.platform.PlatformBackupFailed;
import io.lifeboat.gateway.operation.OperationEnded;
import io.lifeboat.support.events.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Tells the platform that the backup its merge or resize waits for has ended, in the same transaction. */
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
        if (!ended.kind().equals("backup")) {
            return;
        }
        jdbc.sql("SELECT request_id, trigger, project_id, environment FROM platform_requests WHERE backup_id = ?")
                .param(ended.id()).query((rs, n) -> {
                    String requestId = rs.getString(1);
                    String trigger = rs.getString(2);
                    EnvironmentRef ref = new EnvironmentRef(rs.getString(3), rs.getString(4));
                    outbox.add(Topics.PLATFORM_REPLIES, ended.succeeded()
                            ? new PlatformBackupCompleted(Ids.eventId(), clock.instant(), requestId, ref, trigger,
                            ended.id())
                            : new PlatformBackupFailed(Ids.eventId(), clock.instant(), requestId, ref, trigger,
                            ended.id(), ended.error() == null ? "the backup failed" : ended.error()));
                    return requestId;
                }).list();
    }
}
