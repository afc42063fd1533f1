package io.lifeboat.restore.job;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Hooks;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.restore.RestoreWorkerApplication;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TempTrees;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One restore worker on the real infrastructure, with its own database, topic namespace and bucket, and a clock
 * the tests move. Its reaper does not run by itself (tests call it); what it publishes is read back from Kafka.
 */
final class RestoreFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofHours(6);
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The parts of a scenario's backup. */
    static final List<BackupManifest.PartRef> PARTS = List.of(new BackupManifest.PartRef("files", "mount", 0, 0, null));

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String database = "lb_rst_" + id;
    final String namespace = "rst" + id + ".";
    final HoldEndpoint hooks;
    /**
     * What a test does after a part's switch-over, by {@code restoreId/part}, or after all: {@code restoreId/*}: it
     * may act, and returns what to throw, or null.
     */
    final Map<String, java.util.function.Supplier<? extends Throwable>> faultAfter =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SwitchFaults faults = new SwitchFaults() {
        @Override
        public void switched(String restoreId, String part) {
            inject(restoreId + "/" + part);
        }

        @Override
        public void switchedAll(String restoreId) {
            inject(restoreId + "/*");
        }

        private void inject(String at) {
            var fault = faultAfter.get(at);
            Throwable t = fault == null ? null : fault.get();
            if (t != null) {
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        }
    };
    /** The base of the projects' file roots, {@code <files>/<project>}; deleted on close. */
    final Path files;
    private final ConfigurableApplicationContext context;
    private final KafkaConsumer<String, byte[]> reader;
    private final List<Event> published = new ArrayList<>();

    private static RestoreFixture shared;

    /** The worker every test uses, started on first use and stopped when the JVM exits. */
    static synchronized RestoreFixture shared() {
        if (shared == null) {
            try {
                shared = new RestoreFixture();
            } catch (Exception e) {
                throw new IllegalStateException("starting the restore worker failed", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private RestoreFixture() throws Exception {
        PgFixtures.create(database);
        files = Files.createTempDirectory("lifeboat-rst-files-").toRealPath();
        hooks = new HoldEndpoint();
        List<String> arguments = new ArrayList<>();
        TestProperties.lifeboat(namespace.substring(0, namespace.length() - 1), database, "unused-admin-token")
                .forEach((k, v) -> arguments.add("--" + k + "=" + v));
        arguments.addAll(List.of("--lifeboat.files.roots=" + files + "/{project}",
                "--lifeboat.restore.timeout=" + TIMEOUT, "--lifeboat.restore.lease=" + LEASE,
                "--lifeboat.restore.reaper-millis=3600000", "--spring.main.banner-mode=off"));
        context = RestoreWorkerApplication.builder()
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("testClock", clock);
                    c.getBeanFactory().registerSingleton("testSwitchFaults", faults);
                })
                .run(arguments.toArray(String[]::new));
        Map<String, Object> kafka = Map.of("bootstrap.servers", TestInfra.kafkaBootstrap());
        String topic = namespace + Topics.RESTORE_EVENTS;
        try (Admin admin = Admin.create(kafka)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
        reader = new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
        // a topic just created may not be in the metadata yet
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> reader.partitionsFor(topic).size() == 3);
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
    }

    RestoreJob job() {
        return context.getBean(RestoreJob.class);
    }

    Repository repository() {
        return context.getBean(Repository.class);
    }

    RestoreReaper reaper() {
        return context.getBean(RestoreReaper.class);
    }

    RestoreLedger ledger() {
        return context.getBean(RestoreLedger.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A project of its own, with a live mount holding {@code old.txt} and a backup holding {@code new.txt}. */
    Scenario scenario() {
        String project = "p" + UUID.randomUUID().toString().substring(0, 8);
        EnvironmentRef environment = new EnvironmentRef(project, "main");
        Path live = files.resolve(project).resolve("live");
        String backupId = UUID.randomUUID().toString().replace("-", "");
        try {
            Files.createDirectories(live);
            Files.writeString(live.resolve("old.txt"), "before the restore");
            Repository repository = context.getBean(Repository.class);
            PartManifest part;
            try (SnapshotWriter writer = repository.newPart(project, "main", backupId, "files", "mount")) {
                writer.file("new.txt", 0644, 0, new ByteArrayInputStream("from the backup"
                        .getBytes(StandardCharsets.UTF_8)));
                part = writer.commit(clock.instant(), Map.of());
            }
            repository.commitBackup(new BackupManifest(BackupManifest.FORMAT, project, "main", backupId,
                    clock.instant(), clock.instant(), false, false, "api", null, List.of(new BackupManifest.PartRef(
                    part.part(), part.type(), part.bytes(), part.storedBytes(), part.pointInTime())), null, 0,
                    Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scenario(environment, backupId, live);
    }

    /** What a test restores: one mount part, {@code files}, backed up and restored into the same environment. */
    record Scenario(EnvironmentRef environment, String backupId, Path live) {

        /** A request for this backup, as the gateway publishes it at {@code occurredAt}, holding through the hooks. */
        RestoreRequested request(String restoreId, Instant occurredAt, Hooks hooks) {
            return new RestoreRequested(Ids.eventId(), occurredAt, restoreId, backupId, environment, environment,
                    false, List.of(new PartSpec("files", "mount", Map.of("path", live.toString()), null)), hooks);
        }

        /** Whether the live mount holds the backup (the switch-over happened) or what it held before. */
        boolean restored() {
            return Files.exists(live.resolve("new.txt"));
        }

        boolean unchanged() {
            return Files.exists(live.resolve("old.txt")) && !Files.exists(live.resolve("new.txt"));
        }
    }

    /** Every event the worker published for one restore so far, in order: its outbox emptied, every record read. */
    synchronized List<Event> published(String restoreId) {
        awaitPublished();
        Map<TopicPartition, Long> ends = reader.endOffsets(reader.assignment());
        while (ends.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
            reader.poll(Duration.ofMillis(100)).forEach(r -> published.add(EventCodec.decode(r.value())));
        }
        return published.stream().filter(e -> restoreId.equals(restoreIdOf(e))).toList();
    }

    /** Waits until the worker's outbox is empty: everything it decided so far is on Kafka. */
    private void awaitPublished() {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                jdbc().queryForObject("SELECT count(*) FROM outbox", Integer.class) == 0);
    }

    private static String restoreIdOf(Event event) {
        return switch (event) {
            case io.lifeboat.contracts.restore.RestoreStarted e -> e.restoreId();
            case io.lifeboat.contracts.restore.RestoreCompleted e -> e.restoreId();
            case io.lifeboat.contracts.restore.RestoreFailed e -> e.restoreId();
            default -> null;
        };
    }

    @Override
    public void close() {
        context.close();
        reader.close();
        hooks.close();
        PgFixtures.drop(database);
        TempTrees.delete(files);
    }
}
