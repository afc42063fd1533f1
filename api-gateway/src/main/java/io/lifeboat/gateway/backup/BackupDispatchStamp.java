package io.lifeboat.gateway.backup;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.gateway.operation.DispatchStamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A queued backup is requested when its turn comes: its {@code occurred_at}, from which the snapshot worker
 * counts its deadline, is the dispatch time, so a backup that waited keeps its whole deadline, and still ends
 * before the gateway's operation timeout.
 */
@Component
class BackupDispatchStamp implements DispatchStamp {

    @Override
    public Event stamp(String kind, Event request, Instant now) {
        if (!(request instanceof BackupRequested b)) {
            return request;
        }
        return new BackupRequested(b.eventId(), now, b.backupId(), b.environment(), b.safe(), b.automated(),
                b.trigger(), b.commitSha(), b.parts(), b.hooks(), b.scheduledFor());
    }
}
