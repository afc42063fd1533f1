package io.lifeboat.retention;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.EventTypes;
import io.lifeboat.contracts.Topics;
import io.lifeboat.retention.deletion.DeferredDeletions;
import io.lifeboat.retention.evaluation.EvaluationPass;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * One retention service on the real infrastructure, with its own database, topic namespace and bucket, and a
 * clock the tests move. Events go in through Kafka; what the service publishes is read back from Kafka.
 */
final class RetentionFixture implements AutoCloseable {

    static final List<String> COPY_TOPICS = List.of(Topics.ENVIRONMENTS, Topics.BACKUP_REQUESTS, Topics.BACKUP_EVENTS,
            Topics.RESTORE_REQUESTS, Topics.RESTORE_EVENTS);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String database = "lb_ret_" + id;
    final String namespace = "ret" + id + ".";
    private final ConfigurableApplicationContext context;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final Admin admin;
    private final List<Event> published = new ArrayList<>();
    private final List<String> deadLetterOrigins = new ArrayList<>();
    private KafkaConsumer<String, byte[]> deadLetters;

    private static RetentionFixture shared;

    /** The service every integration test uses, started on first use and stopped when the JVM exits. */
    static synchronized RetentionFixture shared() {
        if (shared == null) {
            try {
                shared = new RetentionFixture();
            } catch (Exception e) {
                throw new IllegalStateException("starting the retention service failed", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private RetentionFixture() throws Exception {
        PgFixtures.create(database);
        Awaitility.setDefaultTimeout(Duration.ofMinutes(1));
        context = RetentionServiceApplication.builder()
                .initializers(c -> c.getBeanFactory().registerSingleton("testClock", clock))
                .run(arguments());
        Map<String, Object> kafka = Map.of("bootstrap.servers", TestInfra.kafkaBootstrap());
        producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer());
        reader = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = reader.partitionsFor(namespace + Topics.BACKUP_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        admin = Admin.create(kafka);
        awaitConsumers();
    }

    /** Waits until every binding of the service has its partitions, so that the first test does not wait. */
    private void awaitConsumers() {
        await().atMost(Duration.ofMinutes(1)).pollInSameThread().until(() -> admin.describeConsumerGroups(
                        List.of(namespace + "retention-copy", namespace + "retention-service")).all().get().values()
                .stream().mapToLong(g -> g.groupState() == GroupState.STABLE ? g.members().size() : 0).sum() == 6);
    }

    /** The service's settings; {@code overrides} are added last. */
    String[] arguments(String... overrides) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestInfra.postgresUrl(database),
                "--spring.datasource.username=" + TestInfra.postgresUser(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfra.kafkaBootstrap(),
                "--lifeboat.kafka.namespace=" + namespace,
                "--lifeboat.storage.locations[0].name=zone-a", "--lifeboat.storage.locations[0].type=s3",
                "--lifeboat.storage.locations[0].endpoint=" + TestInfra.s3Endpoint(),
                "--lifeboat.storage.locations[0].bucket=lifeboat-ret-" + id,
                "--lifeboat.storage.locations[0].access-key=" + TestInfra.s3AccessKey(),
                "--lifeboat.storage.locations[0].secret-key=" + TestInfra.s3SecretKey(),
                "--lifeboat.storage.master-keys=k1:" + TestProperties.randomKey(),
                "--lifeboat.outbox.poll-millis=100", "--spring.datasource.hikari.maximum-pool-size=4",
                "--lifeboat.retention.evaluate-interval=1h", "--lifeboat.retention.reclaim-interval=1h",
                "--server.port=0", "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(overrides));
        return arguments.toArray(String[]::new);
    }

    /** Publishes events as their producers would: on their topic, keyed by environment or project. */
    void send(Event... events) {
        for (Event event : events) {
            producer.send(new ProducerRecord<>(namespace + topic(event), event.key(), EventCodec.encode(event)));
        }
        producer.flush();
    }

    /** Publishes a record as is, such as one that is not an event at all. */
    void sendRaw(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(namespace + topic, key, value.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    /** The original topic of each record on the dead-letter topic. */
    List<String> deadLetterOrigins() {
        if (deadLetters == null) {
            deadLetters = new KafkaConsumer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap(), "group.id",
                    "dead-letter-reader-" + id, "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new ByteArrayDeserializer());
            deadLetters.subscribe(List.of(namespace + Topics.DEAD_LETTER));
        }
        deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
            Header origin = r.headers().lastHeader("x-original-topic");
            deadLetterOrigins.add(origin == null ? "?" : new String(origin.value(), StandardCharsets.UTF_8));
        });
        return List.copyOf(deadLetterOrigins);
    }

    static String topic(Event event) {
        String type = EventTypes.of(event.getClass()).name();
        return switch (type) {
            case "backup.requested" -> Topics.BACKUP_REQUESTS;
            case "restore.requested" -> Topics.RESTORE_REQUESTS;
            default -> type.startsWith("restore.") ? Topics.RESTORE_EVENTS
                    : type.startsWith("backup.") ? Topics.BACKUP_EVENTS : Topics.ENVIRONMENTS;
        };
    }

    /** One periodic pass: every environment evaluated, deferred deletions retried. */
    void pass() {
        context.getBean(EvaluationPass.class).evaluateAll();
        context.getBean(DeferredDeletions.class).retryAll();
    }

    /** Everything published on backup-events so far, of one type, for one project. */
    <T extends Event> List<T> published(Class<T> type, String project) {
        readPublished();
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> e.key().equals(project) || e.key().startsWith(project + "/")).toList();
    }

    /** The last of each backup's events of one type, by backup id. */
    <T extends Event> Map<String, T> latest(Class<T> type, String project, Function<T, String> backupId) {
        return published(type, project).stream().collect(Collectors.toMap(backupId, e -> e, (a, b) -> b));
    }

    /** Waits until the outbox is empty and both consumer groups have read every record, twice in a row. */
    void awaitQuiet() {
        int[] quietChecks = {0};
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(150)).pollInSameThread().until(() -> {
            boolean quiet = outbox() == 0 && lag("retention-copy", COPY_TOPICS) == 0
                    && lag("retention-service", List.of(Topics.BACKUP_EVENTS)) == 0 && outbox() == 0;
            quietChecks[0] = quiet ? quietChecks[0] + 1 : 0;
            return quietChecks[0] >= 2;
        });
        readPublished();
    }

    private void readPublished() {
        for (var records = reader.poll(Duration.ofMillis(50)); !records.isEmpty();
             records = reader.poll(Duration.ofMillis(50))) {
            records.forEach(r -> published.add(EventCodec.decode(r.value())));
        }
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The service's HTTP port. */
    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
    }

    private int outbox() {
        Integer rows = jdbc().queryForObject("SELECT count(*) FROM outbox", Integer.class);
        return rows == null ? 0 : rows;
    }

    private long lag(String group, List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(namespace + group)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(topics.stream().map(t -> namespace + t).toList())
                .allTopicNames().get().values().stream().flatMap(d -> d.partitions().stream()
                        .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get();
        return partitions.stream().mapToLong(p -> ends.get(p).offset()
                - (committed.get(p) == null ? 0 : committed.get(p).offset())).sum();
    }

    @Override
    public void close() {
        context.close();
        producer.close();
        reader.close();
        if (deadLetters != null) {
            deadLetters.close();
        }
        admin.close();
        PgFixtures.drop(database);
    }
}
