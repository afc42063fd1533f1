package io.lifeboat.support.events;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.EventTypes;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;

/**
 * Publishes an event now, synchronously: it returns once the broker acknowledged the record. The event's
 * key keeps one environment's events in one partition, in order. Services with a database publish through
 * {@link Outbox} instead, so that publishing is part of their transaction.
 */
public class EventPublisher {

    /** The header that names the event type, so consumers can route without parsing. */
    public static final String TYPE_HEADER = "lifeboat_event_type";

    private final StreamBridge bridge;
    private final String namespace;
    private final PublishedEvents published;

    /** {@code namespace} prefixes every topic, so several Lifeboat installations can share a Kafka cluster. */
    public EventPublisher(StreamBridge bridge, String namespace) {
        this(bridge, namespace, PublishedEvents.NONE);
    }

    public EventPublisher(StreamBridge bridge, String namespace, PublishedEvents published) {
        this.bridge = bridge;
        this.namespace = namespace;
        this.published = published;
    }

    public void publish(String topic, Event event) {
        send(topic, event.key(), EventTypes.of(event.getClass()).name(), EventCodec.encode(event));
        published.published(topic, event);
    }

    void send(String topic, String key, String type, byte[] payload) {
        Message<byte[]> message = MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(TYPE_HEADER, type)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!bridge.send(namespace + topic, message)) {
            throw new IllegalStateException("publishing " + type + " to " + topic + " failed");
        }
    }
}
