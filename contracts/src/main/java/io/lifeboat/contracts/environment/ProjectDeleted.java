package io.lifeboat.contracts.environment;

import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A project was deleted; a tombstone backup of each active environment is kept for its retention period. */
public record ProjectDeleted(UUID eventId, Instant occurredAt, String project) implements Event {

    public ProjectDeleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(project, "project");
    }

    @Override
    public String key() {
        return project;
    }
}
