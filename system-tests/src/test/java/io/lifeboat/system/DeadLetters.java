package io.lifeboat.system;

import io.lifeboat.testing.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Writes raw records onto a topic, and reads what lands on the dead-letter topic. */
final class DeadLetters implements AutoCloseable {

    record Letter(String value, String originalTopic, String error) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Letter> letters = new ArrayList<>();

    DeadLetters(String namespace) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap(),
                "group.id", "dead-letter-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(namespace + "lifeboat.dead-letter.v1"));
    }

    void send(String topic, String key, List<String> values) {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value)));
        }
        producer.flush();
    }

    List<Letter> received(int count) {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                letters.add(new Letter(new String(record.value(), StandardCharsets.UTF_8),
                        header(record, "x-original-topic"), header(record, "x-exception-message")));
            }
            return letters.size() >= count;
        });
        return List.copyOf(letters);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
