package io.lifeboat.system;

import com.sun.net.httpserver.HttpServer;
import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TreeFingerprint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hook URLs with credentials ({@code user:password@}, {@code ?token=}): called with them, but shown, published
 * and logged only redacted, and sealed wherever they travel.
 */
class HookCredentialsIntegrationTests {

    static final String PASSWORD = "hook-s3cr3t";
    static final String TOKEN = "hook-t0ken";

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
    void credentialsInHookUrlsAreUsedButNeverShownPublishedOrLogged() throws Exception {
        String project = EndToEndIntegrationTests.registerProject();
        Path dir = fixture.dir(project);
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        hooks.createContext("/", exchange -> {
            calls.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        try {
            String base = "http://router:" + PASSWORD + "@127.0.0.1:" + hooks.getAddress().getPort();
            Path mount = Files.createDirectories(dir.resolve("mount"));
            Path code = Files.createDirectories(dir.resolve("code"));
            TreeFingerprint.populate(mount, 64 * 1024);
            Files.writeString(code.resolve("app.py"), "print('hi')\n");
                Map<String, Object> request = new HashMap<>(Demo.filesOnly("main", mount, code));
            request.put("hooks", Map.of("hold", base + "/hold?token=" + TOKEN, "release", base + "/release?token=" + TOKEN));
            String path = "/projects/" + project + "/environments";
            assertThat(api.post(path, request).status()).isEqualTo(201);

            JsonNode shown = api.get(path + "/main").body().path("hooks");
            String redacted = "http://***@127.0.0.1:" + hooks.getAddress().getPort();
            assertThat(shown.path("hold").asString()).isEqualTo(redacted + "/hold?token=***");
            assertThat(shown.path("release").asString()).isEqualTo(redacted + "/release?token=***");

            String basic = "Basic " + Base64.getEncoder().encodeToString(("router:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            EndToEndIntegrationTests.backup(project, "main");
            assertThat(calls).containsExactly("/hold?token=" + TOKEN + " " + basic,
                    "/release?token=" + TOKEN + " " + basic);

            request.put("hooks", Map.of("hold", shown.path("hold").asString(),
                    "release", shown.path("release").asString()));
            assertThat(api.send("PUT", path + "/main", request).status()).isEqualTo(200);
            calls.clear();
            EndToEndIntegrationTests.backup(project, "main");
            assertThat(calls).as("a hook given back redacted keeps its credentials")
                    .containsExactly("/hold?token=" + TOKEN + " " + basic, "/release?token=" + TOKEN + " " + basic);

            request.put("hooks", Map.of("hold", base + "/hold#fragment", "release", base + "/release"));
            Api.Response refused = api.send("PUT", path + "/main", request);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().toString()).contains("hooks.hold").doesNotContain(PASSWORD);
            assertThat(api.get(path + "/main").body().path("hooks")).isEqualTo(shown);

            assertThat(topicRecords(fixture.properties.get("lifeboat.kafka.namespace")))
                    .anySatisfy(record -> assertThat(record).contains("lifeboat-sealed="))
                    .noneSatisfy(record -> assertThat(record).containsAnyOf(PASSWORD, TOKEN));
            assertThat(LogCapture.lines()).noneSatisfy(line -> assertThat(line).containsAnyOf(PASSWORD, TOKEN));
        } finally {
            hooks.stop(0);
        }
    }

    /** Every record on every topic of the stack's namespace, as text. */
    private static List<String> topicRecords(String namespace) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfra.kafkaBootstrap(), "group.id", "hook-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Pattern.compile(Pattern.quote(namespace) + ".*"));
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record.topic() + " " + (record.value() == null ? ""
                            : new String(record.value(), StandardCharsets.UTF_8)));
                }
                return records.stream().anyMatch(r -> r.contains("backup-requests")) && records.stream()
                        .filter(r -> r.contains("backup-events")).count() >= 2;
            });
        }
        return records;
    }
}
