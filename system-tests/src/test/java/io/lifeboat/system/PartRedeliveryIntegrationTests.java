package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TreeFingerprint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A part task runs once. Kafka may deliver a task again (a rebalance, a worker restart); a redelivery after
 * the backup ended must not snapshot the part again, nor write a part manifest after the backup's.
 */
class PartRedeliveryIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        stack = fixture.start();
        api = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        EndToEndIntegrationTests.api = api;
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRedeliveredPartTaskOfAnEndedBackupIsRefusedAndWritesNothing() throws Exception {
        String project = EndToEndIntegrationTests.registerProject();
        Path dir = fixture.dir(project);
        Path mount = Files.createDirectories(dir.resolve("mount"));
        Path code = Files.createDirectories(dir.resolve("code"));
        TreeFingerprint.populate(mount, 256 * 1024);
        Files.writeString(code.resolve("app.py"), "print('hi')\n");
        assertThat(api.post("/projects/" + project + "/environments", Demo.filesOnly("main", mount, code)).status())
                .isEqualTo(201);
        JsonNode backup = EndToEndIntegrationTests.backup(project, "main");
        String id = backup.path("id").asString();
        String namespace = fixture.properties.get("lifeboat.kafka.namespace");
        List<String> resultsBefore = records(namespace + "lifeboat.snapshot-results.v1", id);

        try (DeadLetters topics = new DeadLetters(namespace)) {
            ConsumerRecord<byte[], byte[]> task = taskOf(namespace + "lifeboat.snapshot-tasks.mount.v1", id);
            topics.send(task.topic(), new String(task.key(), StandardCharsets.UTF_8),
                    List.of(new String(task.value(), StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> refusedClaims(id, "uploads") == 1);

        assertThat(records(namespace + "lifeboat.snapshot-results.v1", id)).isEqualTo(resultsBefore);
        JsonNode after = api.get("/projects/" + project + "/environments/main/backups/" + id).body();
        assertThat(after.path("status").asString()).isEqualTo("COMPLETED");
        Map<String, String> files = TreeFingerprint.of(mount);
        EndToEndIntegrationTests.restore(project, "main", id, Map.of());
        assertThat(TreeFingerprint.of(mount)).isEqualTo(files);
    }

    private static int refusedClaims(String backupId, String part) throws Exception {
        try (Connection c = PgFixtures.connect(fixture.catalog); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT refused_claims FROM snapshot.backup_parts WHERE backup_id = '"
                     + backupId + "' AND name = '" + part + "'")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static ConsumerRecord<byte[], byte[]> taskOf(String topic, String backupId) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(backupId)) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }

    /** Every record on the topic that names the backup, read to the end of the topic. */
    private static List<String> records(String topic, String backupId) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                var batch = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (value.contains(backupId)) {
                        found.add(value);
                    }
                }
                return batch.isEmpty() && !consumer.assignment().isEmpty()
                        && consumer.assignment().stream().allMatch(p -> consumer.position(p)
                        >= consumer.endOffsets(List.of(p)).get(p));
            });
        }
        return found;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap(),
                "group.id", "redelivery-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
