package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the topics into the {@link Fleet}, from their beginning, on a thread of its own. It joins no consumer
 * group and commits nothing: it assigns itself every partition of its topics and seeks to their beginning,
 * so every start (and every gateway instance) rebuilds the whole view from what the topics retain. Topics
 * that do not exist yet are looked for again every ten seconds (it never creates one). It is caught up once
 * it has read as far as the topics' ends were when it first found them.
 */
final class FleetReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FleetReader.class);
    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final Map<String, Object> config;
    private final List<String> topics;
    private final Fleet fleet;
    private final Clock clock;
    /** Where each partition was read up to, so that a consumer made anew after an error goes on from there. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private Map<TopicPartition, Long> ends;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    FleetReader(Map<String, Object> kafka, List<String> topics, Fleet fleet, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.config = Map.copyOf(config);
        this.topics = List.copyOf(topics);
        this.fleet = fleet;
        this.clock = clock;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("ops-fleet-reader").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> current = new KafkaConsumer<>(config)) {
                consumer = current;
                read(current);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.warn("ops view: reading the topics failed, trying again in 5 s: {}", e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<byte[], byte[]> current) {
        long refreshAt = System.nanoTime();
        while (running) {
            if (System.nanoTime() - refreshAt >= 0) {
                assign(current);
                refreshAt = System.nanoTime() + REFRESH.toNanos();
            }
            for (ConsumerRecord<byte[], byte[]> record : current.poll(Duration.ofSeconds(1))) {
                apply(record);
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            if (!caughtUp && ends != null && ends.entrySet().stream().allMatch(end ->
                    !current.assignment().contains(end.getKey()) || current.position(end.getKey()) >= end.getValue())) {
                caughtUp = true;
                log.info("ops view: caught up with the topics");
            }
        }
    }

    /** Assigns every partition of the topics that exist; a new one is read from where it was, or its beginning. */
    private void assign(KafkaConsumer<byte[], byte[]> current) {
        Map<String, List<PartitionInfo>> existing = current.listTopics(Duration.ofSeconds(10));
        Set<TopicPartition> wanted = new HashSet<>();
        for (String topic : topics) {
            existing.getOrDefault(topic, List.of())
                    .forEach(p -> wanted.add(new TopicPartition(p.topic(), p.partition())));
        }
        if (!wanted.equals(current.assignment())) {
            Set<TopicPartition> added = new HashSet<>(wanted);
            added.removeAll(current.assignment());
            current.assign(wanted);
            for (TopicPartition partition : added) {
                Long position = positions.get(partition);
                if (position == null) {
                    current.seekToBeginning(List.of(partition));
                } else {
                    current.seek(partition, position);
                }
            }
        }
        if (ends == null) {
            ends = Map.copyOf(current.endOffsets(wanted));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            fleet.apply(EventCodec.decode(record.value()), clock.instant());
        } catch (RuntimeException e) {
            log.debug("ops view: skipped a record of {} that is not a readable event: {}", record.topic(),
                    e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
