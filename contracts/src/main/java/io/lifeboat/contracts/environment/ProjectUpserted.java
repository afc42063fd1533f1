package io.lifeboat.contracts.environment;

import io.lifeboat.contracts.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A project was created or changed.
 *
 * @param tier     {@code professional}, {@code enterprise} or {@code elite}
 * @param plan     {@code development} or {@code production}; a development plan gets no automated backups
 * @param timezone an IANA zone id; calendar boundaries and the 04:00 backup are in it
 * @param schedule {@code basic}, {@code advanced} or {@code premium}
 */
public record ProjectUpserted(UUID eventId, Instant occurredAt, String project, String tier, String plan,
                              String timezone, String schedule) implements Event {

    public ProjectUpserted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String key() {
        return project;
    }
}
