package io.lifeboat.contracts.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.PartSpec;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The platform created or changed an environment. Credentials are sealed with the shared secrets key.
 *
 * @param environmentType {@code production}, {@code staging} or {@code development}
 * @param status          {@code active} or {@code inactive}
 * @param parts           services, mounts and code
 */
public record PlatformEnvironmentUpserted(UUID eventId, Instant occurredAt, EnvironmentRef environment, String environmentType, String status, @Nullable String commitSha, List<PartSpec> parts) implements Event {

    public PlatformEnvironmentUpserted {
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
