package io.lifeboat.system;

import io.lifeboat.contracts.Topics;
import io.lifeboat.launcher.Stack;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services' Prometheus endpoints after a real backup: the metrics the backup's events stand for, with its
 * own numbers, and not one secret of the stack's configuration.
 */
class MetricsIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api root;
    static String project;
    static JsonNode backup;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        stack = fixture.start();
        root = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        project = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(root.post("/projects", Map.of("id", project, "tier", "professional", "plan", "production",
                "timezone", "Europe/Paris")).status()).isEqualTo(201);
        Path mount = Files.createDirectories(fixture.dir(project).resolve("mount"));
        Files.writeString(mount.resolve("hello.txt"), "hello metrics");
        Path code = Files.createDirectories(fixture.dir(project).resolve("code"));
        Files.writeString(code.resolve("app.py"), "print('hi')\n");
        assertThat(root.post("/projects/" + project + "/environments", Demo.filesOnly("main", mount, code)).status())
                .isEqualTo(201);
        String backups = "/projects/" + project + "/environments/main/backups";
        Api.Response accepted = root.post(backups, Map.of("safe", false));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        backup = root.awaitEnd(backups + "/" + accepted.body().path("id").asString());
        assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theSnapshotWorkerCountsTheBackupWithItsOwnNumbers() {
        String[] env = {"project", project, "environment", "main"};
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(sample(scrape("snapshot-worker"), "lifeboat_backup_success_total", env)).isEqualTo(1));
        String scrape = scrape("snapshot-worker");
        assertThat(sample(scrape, "lifeboat_backup_attempt_total", env)).isEqualTo(1);
        assertThat(sample(scrape, "lifeboat_backup_duration_seconds_count", env)).isEqualTo(1);
        Instant completed = Instant.parse(backup.path("completed_at").asString());
        assertThat(sample(scrape, "lifeboat_backup_last_successful_timestamp", env))
                .isCloseTo(completed.toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(1.0));
        long read = 0;
        for (String type : List.of("mount", "code")) {
            read += (long) sample(scrape, "lifeboat_backup_read_bytes_total", "project", project, "part_type", type);
        }
        assertThat(read).as("bytes read, over the part types").isEqualTo(backup.path("size_of_volumes").asLong());
        assertThat(sample(scrape, "lifeboat_backup_skew_seconds_count", env)).as("a live backup").isEqualTo(1);
        assertThat(sample(scrape, "lifeboat_backup_running")).isZero();
        assertThat(sample(scrape, "lifeboat_outbox_backlog")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aRestoreAndAVerificationCountInTheServicesThatDidThem() {
        String backups = "/projects/" + project + "/environments/main/backups";
        String id = backup.path("id").asString();
        Api.Response restore = root.post(backups + "/" + id + "/restore", Map.of("restore_code", false));
        assertThat(restore.status()).as(restore.body().toString()).isEqualTo(202);
        JsonNode restored = root.awaitEnd("/projects/" + project + "/restores/" + restore.body().path("id").asString());
        assertThat(restored.path("status").asString()).as(restored.toString()).isEqualTo("COMPLETED");
        assertThat(root.post(backups + "/" + id + "/verify", Map.of("sample", 1.0)).status()).isEqualTo(202);
        String[] env = {"project", project, "environment", "main"};
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(sample(scrape("restore-worker"), "lifeboat_restore_success_total", env)).isEqualTo(1);
            assertThat(sample(scrape("retention-service"), "lifeboat_backup_verification_passed", env)).isEqualTo(1);
        });
        String restores = scrape("restore-worker");
        assertThat(sample(restores, "lifeboat_restore_attempt_total", env)).isEqualTo(1);
        assertThat(sample(restores, "lifeboat_restore_duration_seconds_count", env)).isEqualTo(1);
        assertThat(sample(restores, "lifeboat_restore_bytes_total", "project", project, "part_type", "mount"))
                .as("the mount's bytes, as backed up").isEqualTo(sample(scrape("snapshot-worker"),
                        "lifeboat_backup_read_bytes_total", "project", project, "part_type", "mount"));
        assertThat(sample(scrape("retention-service"), "lifeboat_backup_verification_total", "project", project,
                "result", "passed")).isEqualTo(1);
    }

    @Test
    void theGatewayServesItsMetricsToTheOperatorsAndHealthToAnyone() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        Api user = new Accounts(root, stack.gatewayUrl()).user("metrics-reader", null, null);
        assertThat(user.get("/actuator/prometheus").status()).as("a user who is not an operator").isEqualTo(403);
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> health = get(probe, null);
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"UP\"");
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus", StackFixture.TOKEN).body();
            assertThat(sample(scrape, "lifeboat_backup_requested_total", "trigger", "api")).isEqualTo(1);
            assertThat(samples(scrape, "lifeboat_consumer_lag", "group", namespace() + "api-gateway"))
                    .as("the binder's lag, by topic").isNotEmpty();
        });
    }

    @Test
    void aDeadLetterCountsUnderTheTopicItCameFrom() {
        try (DeadLetters deadLetters = new DeadLetters(namespace())) {
            deadLetters.send(namespace() + Topics.RESTORE_EVENTS, project + "/main", List.of("not json"));
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(sample(
                    get("/actuator/prometheus", StackFixture.TOKEN).body(), "lifeboat_dead_letters_total", "topic",
                    Topics.RESTORE_EVENTS)).isEqualTo(1));
            // the record still reaches the dead-letter topic
            assertThat(deadLetters.received(1)).anyMatch(letter -> letter.value().equals("not json")
                    && (namespace() + Topics.RESTORE_EVENTS).equals(letter.originalTopic()));
        }
    }

    @Test
    void noEndpointShowsASecret() throws Exception {
        List<String> scrapes = new ArrayList<>();
        for (ConfigurableApplicationContext context : stack.contexts()) {
            scrapes.add(context.getBean(PrometheusMeterRegistry.class).scrape());
        }
        scrapes.add(get("/actuator/prometheus", StackFixture.TOKEN).body());
        List<String> secrets = new ArrayList<>(List.of(StackFixture.TOKEN, "jdbc:"));
        for (String key : List.of("lifeboat.storage.master-keys", "lifeboat.secrets.key",
                // not the access key: it is a name, "lifeboat" here, every metric's prefix
                "lifeboat.storage.locations[0].secret-key",
                "lifeboat.storage.locations[0].endpoint", "spring.datasource.url",
                "spring.cloud.stream.kafka.binder.brokers")) {
            secrets.add(fixture.properties.get(key));
        }
        for (String scrape : scrapes) {
            assertThat(scrape).contains("lifeboat_");
            assertThat(Pattern.compile("(?i)[{,][a-z_]*(password|secret|token)[a-z_]*=\"").matcher(scrape).find())
                    .as("a label named for a secret").isFalse();
            for (String secret : secrets) {
                assertThat(scrape.lines().filter(l -> l.toLowerCase().contains(secret.toLowerCase())).toList())
                        .as("lines that show %s", secret).isEmpty();
            }
        }
    }

    static String namespace() {
        return fixture.properties.get("lifeboat.kafka.namespace");
    }

    static String scrape(String service) {
        return stack.contexts().stream()
                .filter(c -> service.equals(c.getEnvironment().getProperty("spring.application.name"))).findFirst()
                .orElseThrow().getBean(PrometheusMeterRegistry.class).scrape();
    }

    static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one sample of that metric whose labels include these (name, value, ...). */
    static double sample(String scrape, String name, String... labels) {
        List<Double> found = samples(scrape, name, labels);
        assertThat(found).as("%s %s", name, List.of(labels)).hasSize(1);
        return found.getFirst();
    }

    static List<Double> samples(String scrape, String name, String... labels) {
        List<Double> values = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        outer:
        while (line.find()) {
            String tags = line.group(1) == null ? "" : line.group(1);
            for (int i = 0; i < labels.length; i += 2) {
                if (!tags.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    continue outer;
                }
            }
            values.add(Double.parseDouble(line.group(2)));
        }
        return values;
    }
}
