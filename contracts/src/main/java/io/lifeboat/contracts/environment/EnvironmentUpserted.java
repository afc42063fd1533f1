package io.lifeboat.contracts.environment;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartSpec;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An environment was registered, changed, activated or deactivated. It carries the whole environment, so
 * that a consumer's copy needs no other source.
 *
 * @param environmentType {@code production}, {@code staging} or {@code development}
 * @param status {@code active} or {@code inactive}
 * @param parts  services, mounts and code; credentials sealed
 */
public record EnvironmentUpserted(UUID eventId, Instant occurredAt, EnvironmentRef environment, String environmentType,
                                  String status, @Nullable String commitSha, List<PartSpec> parts) implements Event {

    public EnvironmentUpserted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(environmentType, "environment_type");
        Objects.requireNonNull(status, "status");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    @Override
    public String key() {
        return environment.key();
    }
}
