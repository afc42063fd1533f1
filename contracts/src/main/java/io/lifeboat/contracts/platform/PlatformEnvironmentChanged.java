package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform changed an environment's lifecycle: it was activated, deactivated or deleted.
 *
 * @param change {@code activated}, {@code deactivated} or {@code deleted}
 */
public record PlatformEnvironmentChanged(UUID eventId, Instant occurredAt, EnvironmentRef environment, String change) implements Event {

    public PlatformEnvironmentChanged {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(change, "change");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
