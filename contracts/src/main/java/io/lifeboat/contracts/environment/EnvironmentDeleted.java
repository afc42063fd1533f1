package io.lifeboat.contracts.environment;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An environment was deleted; its backups are deleted with it. */
public record EnvironmentDeleted(UUID eventId, Instant occurredAt, EnvironmentRef environment) implements Event {

    public EnvironmentDeleted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
