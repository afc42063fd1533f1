package io.lifeboat.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An immutable fact published on a Lifeboat topic.
 *
 * <p>On the wire every event is a JSON object with {@code type}, {@code schema_version},
 * {@code event_id} and {@code occurred_at}, followed by the record's own fields in snake_case.
 * The wire name and version come from {@link EventTypes}, never from a Java class name.
 */
public interface Event {

    UUID eventId();

    Instant occurredAt();

    /** The Kafka record key: keeps one environment's events in order. */
    String key();
}
