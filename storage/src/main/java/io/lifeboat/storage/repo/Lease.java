package io.lifeboat.storage.repo;

import java.time.Instant;

/**
 * A running writer's lease. Garbage collection never deletes a pack that a live writer, started
 * before the pack was condemned, might reference. A writer whose lease lapsed must not commit.
 */
record Lease(int format, String project, String backupId, String part, Instant startedAt, Instant heartbeatAt,
             long ttlSeconds) {

    boolean aliveAt(Instant now) {
        return heartbeatAt.plusSeconds(ttlSeconds).isAfter(now);
    }

    Lease withHeartbeat(Instant at) {
        return new Lease(format, project, backupId, part, startedAt, at, ttlSeconds);
    }
}
