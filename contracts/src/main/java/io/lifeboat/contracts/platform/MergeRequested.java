package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform is about to merge into an environment and waits for a backup of it first.
 *
 * @param requestId the platform's id for this request; the reply carries it
 * @param source    the environment being merged in, for the record; null if not known
 */
public record MergeRequested(UUID eventId, Instant occurredAt, String requestId, EnvironmentRef environment, @Nullable String source) implements Event {

    public MergeRequested {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String key() {
        return environment.key();
    }
}
