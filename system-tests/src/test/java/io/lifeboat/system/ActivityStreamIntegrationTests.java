package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The activity stream (server-sent events) on the whole stack: a backup's lifecycle arrives live, only to
 * callers who may see the project; and the console is served without a token and loads nothing from elsewhere.
 */
class ActivityStreamIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api api;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        fixture.properties.put("lifeboat.gateway.activity-subscribers", "3");
        fixture.properties.put("lifeboat.gateway.activity-heartbeat", "1s");
        stack = fixture.start();
        api = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        awaitActivityConsumerAssigned(fixture.properties.get("lifeboat.kafka.namespace"));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
        assertThat(LogCapture.lines()).noneSatisfy(line -> assertThat(line).containsAnyOf("s3cr3t-test-password",
                StackFixture.TOKEN, "response is already committed"));
    }

    @Test
    void aBackupsLifecycleArrivesOnTheStreamsOfItsProjectAndEnvironment() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 100);
        try {
            assertThat(api.post("/projects/" + project + "/environments", env.request()).status()).isEqualTo(201);
            assertThat(api.post("/projects/" + project + "/environments", Environment.empty(fixture.dir(project), "other").request())
                    .status()).isEqualTo(201);
            try (Sse ofEnvironment = Sse.openWhenFree(project, "main");
                 Sse ofProject = Sse.openWhenFree(project, null);
                 Sse ofOther = Sse.openWhenFree(project, "other")) {
                assertThat(ofEnvironment.status).isEqualTo(200);
                assertThat(ofEnvironment.contentType).startsWith("text/event-stream");

                Api.Response accepted = api.post("/projects/" + project + "/environments/main/backups",
                        Map.of("safe", true));
                assertThat(accepted.status()).isEqualTo(202);
                String backup = accepted.body().path("id").asString();

                List<String> lifecycle = List.of("backup.requested", "backup.started", "backup.completed");
                for (Sse stream : List.of(ofEnvironment, ofProject)) {
                    await().atMost(Duration.ofMinutes(3)).until(() -> stream.typesOf(backup).containsAll(lifecycle)
                            || stream.typesOf(backup).contains("backup.failed"));
                    assertThat(stream.typesOf(backup)).as("events of " + backup)
                            .containsSubsequence(lifecycle).doesNotContain("backup.failed");
                    for (Sse.Event event : stream.of(backup)) {
                        JsonNode data = Api.JSON.readTree(event.data());
                        assertThat(data.path("type").asString()).isEqualTo(event.type());
                        assertThat(data.path("event_id").asString()).isEqualTo(event.id());
                        assertThat(data.path("schema_version").asInt()).isEqualTo(1);
                        assertThat(data.path("environment").path("project").asString()).isEqualTo(project);
                        assertThat(data.path("environment").path("environment").asString()).isEqualTo("main");
                    }
                    JsonNode requested = Api.JSON.readTree(stream.of(backup).getFirst().data());
                    assertThat(requested.path("parts")).isNotEmpty().allSatisfy(part ->
                            assertThat(part.path("sealed_secret").isNull()).as("sealed secret shown").isTrue());
                }
                assertThat(ofOther.of(backup)).isEmpty();
            }
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    @Test
    void aCallerWhoCannotSeeTheProjectGetsNotFound() {
        String project = registerProject();
        String user = api.post("/users", Map.of("name", "outsider")).body().path("id").asString();
        String token = api.post("/users/" + user + "/tokens", Map.of("name", "cli")).body().path("token").asString();

        for (String environment : new String[] {null, "main"}) {
            try (Sse stream = Sse.open(project, environment, token)) {
                assertThat(stream.status).isEqualTo(404);
                assertThat(stream.contentType).startsWith("application/problem+json");
            }
        }
        try (Sse anonymous = Sse.open(project, null, null)) {
            assertThat(anonymous.status).isEqualTo(401);
        }
    }

    @Test
    void aStreamEndsSoonAfterItsCallersTokenIsRevoked() {
        String project = registerProject();
        String user = api.post("/users", Map.of("name", "watcher-" + project)).body().path("id").asString();
        assertThat(api.send("PUT", "/projects/" + project + "/members/" + user, Map.of("role", "viewer")).status())
                .isEqualTo(200);
        JsonNode token = api.post("/users/" + user + "/tokens", Map.of("name", "console")).body();
        try (Sse stream = Sse.openWhenFree(project, null, token.path("token").asString())) {
            assertThat(stream.status).isEqualTo(200);
            await().atMost(Duration.ofMinutes(2)).until(() -> stream.heartbeats.get() >= 3);
            assertThat(stream.ended()).as("open while its caller may see the project").isFalse();

            assertThat(api.delete("/tokens/" + token.path("id").asString()).status()).isEqualTo(204);
            await().atMost(Duration.ofMinutes(2)).until(stream::ended);
        }
    }

    @Test
    void anUnknownProjectOrEnvironmentIsNotFound() {
        String project = registerProject();
        for (String[] target : new String[][] {{project, "nowhere"}, {"no-such-project", null},
                {project, "Not A Name"}}) {
            try (Sse stream = Sse.open(target[0], target[1], StackFixture.TOKEN)) {
                assertThat(stream.status).as(String.join("/", Stream.of(target).map(String::valueOf).toList()))
                        .isEqualTo(404);
                assertThat(stream.contentType).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void streamsBeyondTheLimitAreRefusedAndAClosedStreamFreesItsPlace() {
        String project = registerProject();
        List<Sse> open = new ArrayList<>();
        try {
            while (open.size() < 3) {
                open.add(Sse.openWhenFree(project, null));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> open.getFirst().heartbeats.get() >= 2);
            try (Sse refused = Sse.open(project, null, StackFixture.TOKEN)) {
                assertThat(refused.status).isEqualTo(503);
                assertThat(refused.contentType).startsWith("application/problem+json");
                assertThat(refused.response.headers().firstValue("Retry-After")).isPresent();
            }
            open.removeFirst().close();
            open.add(Sse.openWhenFree(project, null));
        } finally {
            open.forEach(Sse::close);
        }
    }

    @Test
    void theConsoleIsServedWithoutATokenAndLoadsNothingFromElsewhere() throws Exception {
        HttpResponse<String> index = get("/console/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.body()).contains("console.js", "console.css");
        for (String file : List.of("/console/index.html", "/console/console.js", "/console/console.css")) {
            HttpResponse<String> response = get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.body()).as(file).doesNotContainIgnoringCase("http://")
                    .doesNotContainIgnoringCase("https://").doesNotContain("\"//", "'//", "(//", "innerHTML");
        }
    }

    static String registerProject() {
        String project = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/projects", Demo.project(project)).status()).isEqualTo(201);
        return project;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The activity consumer (an anonymous group per topic) starts from the latest offset: events published
     * before it is assigned would be missed.
     */
    static void awaitActivityConsumerAssigned(String namespace) throws Exception {
        Set<String> topics = Stream.of("backup-requests", "backup-events", "restore-events")
                .map(t -> namespace + "lifeboat." + t + ".v1").collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfra.kafkaBootstrap()))) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> {
                List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                        .map(GroupListing::groupId).filter(g -> g.startsWith("anonymous.")).toList();
                Set<String> assigned = admin.describeConsumerGroups(groups).all().get().values().stream()
                        .flatMap(group -> group.members().stream()).map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream()).map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                return assigned.containsAll(topics);
            });
        }
    }

    /** A client of the activity stream, reading its server-sent events as they arrive. */
    static final class Sse implements AutoCloseable {

        record Event(String type, String id, String data) {
        }

        final int status;
        final String contentType;
        final AtomicInteger heartbeats = new AtomicInteger();
        private volatile boolean ended;
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final HttpResponse<Stream<String>> response;

        private Sse(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            Thread.ofVirtual().start(this::read);
        }

        static Sse open(String project, String environment, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/projects/"
                    + project.replace(" ", "%20") + "/activity"
                    + (environment == null ? "" : "?environment=" + environment.replace(" ", "%20"))))
                    .header("Accept", "text/event-stream");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return new Sse(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A stream as root, once this gateway has a place for it (a closed stream frees its place lazily). */
        static Sse openWhenFree(String project, String environment) {
            return openWhenFree(project, environment, StackFixture.TOKEN);
        }

        static Sse openWhenFree(String project, String environment, String token) {
            return await().atMost(Duration.ofMinutes(1)).until(() -> open(project, environment, token),
                    stream -> stream.status != 503);
        }

        List<Event> of(String backup) {
            return events.stream().filter(e -> e.data().contains("\"backup_id\":\"" + backup + "\"")).toList();
        }

        /** Whether the server ended the stream (or the test closed it). */
        boolean ended() {
            return ended;
        }

        List<String> typesOf(String backup) {
            return of(backup).stream().map(Event::type).toList();
        }

        private void read() {
            String type = null;
            String id = null;
            List<String> data = new ArrayList<>();
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(type, id, String.join("\n", data)));
                        }
                        type = null;
                        id = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        heartbeats.incrementAndGet();
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1);
                        value = value.startsWith(" ") ? value.substring(1) : value;
                        switch (field) {
                            case "event" -> type = value;
                            case "id" -> id = value;
                            case "data" -> data.add(value);
                            default -> {
                            }
                        }
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // closed by the test, possibly before reading began
            } finally {
                ended = true;
            }
        }

        @Override
        public void close() {
            response.body().close();
        }
    }
}
