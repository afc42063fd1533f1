package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The platform deleted a project; Lifeboat takes a tombstone backup of each active environment. */
public record PlatformProjectDeleted(UUID eventId, Instant occurredAt, String project) implements Event {

    public PlatformProjectDeleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(project, "project");
    }

    @Override
    public String key() {
        return project;
    }
}
