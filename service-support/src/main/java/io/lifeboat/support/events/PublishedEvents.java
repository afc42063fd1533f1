package io.lifeboat.support.events;

import io.lifeboat.contracts.Event;

/**
 * Told of every event this service publishes: an outbox event once its transaction committed, a direct one
 * once the broker acknowledged it. The metrics count events from here, so no service code calls them. It must
 * not throw, and must be quick: it runs on the publishing thread.
 */
@FunctionalInterface
public interface PublishedEvents {

    PublishedEvents NONE = (topic, event) -> {
    };

    /** @param topic the topic without the installation's namespace, as in {@code Topics} */
    void published(String topic, Event event);
}
