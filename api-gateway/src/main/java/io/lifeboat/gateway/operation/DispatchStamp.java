package io.lifeboat.gateway.operation;

import io.lifeboat.contracts.Event;

import java.time.Instant;

/**
 * Brings a queued request up to date as its turn comes: a backup's or a restore's deadline runs from its
 * request's {@code occurred_at}, so a request that waited is stamped with the time it is dispatched.
 */
public interface DispatchStamp {

    /**
     * @param kind    {@code backup} or {@code restore}
     * @param request the request as it was queued
     * @return the request to publish: {@code request} itself, or a copy that occurred at {@code now}
     */
    Event stamp(String kind, Event request, Instant now);
}
