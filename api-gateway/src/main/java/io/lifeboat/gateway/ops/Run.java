package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EnvironmentRef;

import java.time.Instant;

/**
 * One backup or restore as its events have told it so far. Its events come from two topics (its request and
 * its lifecycle), so they may be read in any order: each event sets only its own fields, and an end is final
 * whatever is read after it.
 */
abstract class Run {

    final String id;
    /** The environment it backs up, or restores into. */
    final EnvironmentRef environment;
    Instant queuedAt;
    Instant requestedAt;
    Instant startedAt;
    Instant endedAt;
    boolean succeeded;
    String error;
    /** The latest {@code occurred_at} of its events: a run silent for longer than the horizon is forgotten. */
    Instant lastEventAt = Instant.MIN;

    Run(String id, EnvironmentRef environment) {
        this.id = id;
        this.environment = environment;
    }

    boolean ended() {
        return endedAt != null;
    }

    /** Ends it, once: a second end (a redelivery, or the gateway's after the worker's) changes nothing. */
    boolean end(Instant at, boolean succeeded, String error) {
        if (ended()) {
            return false;
        }
        this.endedAt = at;
        this.succeeded = succeeded;
        this.error = error;
        return true;
    }

    /** {@code queued} (behind another operation), {@code requested} (dispatched), {@code running}. */
    String progress() {
        return startedAt != null ? "running" : requestedAt != null ? "requested" : "queued";
    }

    /** When it was first heard of, for the order of running operations. */
    Instant firstSeen() {
        return queuedAt != null ? queuedAt : requestedAt != null ? requestedAt
                : startedAt != null ? startedAt : lastEventAt;
    }

    void seen(Instant at) {
        if (at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
    }
}
