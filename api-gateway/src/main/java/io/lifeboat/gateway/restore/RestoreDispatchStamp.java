package io.lifeboat.gateway.restore;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.gateway.operation.DispatchStamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A queued restore is requested when its turn comes: its {@code occurred_at}, from which the restore worker
 * counts its deadline, is the dispatch time, so the worker gives up before the gateway's operation timeout.
 */
@Component
class RestoreDispatchStamp implements DispatchStamp {

    @Override
    public Event stamp(String kind, Event request, Instant now) {
        if (!(request instanceof RestoreRequested r)) {
            return request;
        }
        return new RestoreRequested(r.eventId(), now, r.restoreId(), r.backupId(), r.source(), r.target(),
                r.restoreCode(), r.targetParts(), r.targetHooks(), r.replaceMissingDefiners());
    }
}
