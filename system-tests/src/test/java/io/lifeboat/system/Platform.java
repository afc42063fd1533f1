package io.lifeboat.system;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.testing.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The platform's side of its topics: it sends requests and reads Lifeboat's replies, over real Kafka. Tests
 * also use it to play another service's part, such as the scheduler's.
 */
final class Platform implements AutoCloseable {

    private final String namespace;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> replies;
    private final List<Event> received = new ArrayList<>();

    Platform(String namespace) {
        this(namespace, Topics.PLATFORM_REPLIES);
    }

    /** Reads {@code topic} instead of the replies, as an ops dashboard would. */
    Platform(String namespace, String topic) {
        this.namespace = namespace;
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
        replies = new KafkaConsumer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap(),
                "group.id", "platform-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        replies.subscribe(List.of(namespace + topic));
    }

    void send(Event event) {
        send(Topics.PLATFORM_REQUESTS, event);
    }

    /** Sends an event on any topic of this namespace, as another service would. */
    void send(String topic, Event event) {
        producer.send(new ProducerRecord<>(namespace + topic,
                event.key().getBytes(StandardCharsets.UTF_8), EventCodec.encode(event)));
        producer.flush();
    }

    /** Waits for a reply that matches, and returns it. */
    <T extends Event> T awaitReply(Class<T> type, Predicate<T> matches) {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> record : replies.poll(Duration.ofMillis(200))) {
                received.add(EventCodec.decode(record.value()));
            }
            return find(type, matches).isPresent();
        });
        return find(type, matches).orElseThrow();
    }

    private <T extends Event> Optional<T> find(Class<T> type, Predicate<T> matches) {
        return received.stream().filter(type::isInstance).map(type::cast).filter(matches).findFirst();
    }

    @Override
    public void close() {
        producer.close();
        replies.close();
    }
}
