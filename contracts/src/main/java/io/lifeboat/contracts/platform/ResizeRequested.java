package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform is about to resize a service's storage and waits for a backup of the environment first.
 *
 * @param requestId the platform's id for this request; the reply carries it
 * @param service   the service whose disk changes
 * @param sizeMb    the new size in MiB
 */
public record ResizeRequested(UUID eventId, Instant occurredAt, String requestId, EnvironmentRef environment, String service, long sizeMb) implements Event {

    public ResizeRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(service, "service");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
