package io.lifeboat.support.metrics;

import io.lifeboat.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Counts each record this service sends to the dead-letter topic, by the topic it came from (without the
 * installation's namespace), and sends it where the binding's {@code dlq-name} says: every binding has the same.
 * The binder asks it for each record it dead-letters.
 */
final class DeadLetterMetrics implements DlqDestinationResolver {

    private final MeterRegistry registry;
    private final String namespace;
    private final String deadLetterTopic;
    private final BoundedValues topics = new BoundedValues(32);

    DeadLetterMetrics(MeterRegistry registry, String namespace, String deadLetterTopic) {
        this.registry = registry;
        this.namespace = namespace;
        this.deadLetterTopic = deadLetterTopic;
        // every topic's counter is there from the start, so that the first dead letter shows as an increase
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                counter(constant(field));
            }
        }
    }

    @Override
    public String apply(ConsumerRecord<?, ?> record, Exception exception) {
        String topic = record.topic();
        counter(namespace.isEmpty() || !topic.startsWith(namespace) ? topic : topic.substring(namespace.length()))
                .increment();
        return deadLetterTopic;
    }

    private Counter counter(String topic) {
        return Counter.builder(MetricNames.DEAD_LETTERS).tag("topic", topics.of(topic)).register(registry);
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
