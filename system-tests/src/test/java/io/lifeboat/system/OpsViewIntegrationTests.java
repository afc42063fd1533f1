package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops view ({@code GET /ops/fleet}) on the whole stack: it shows what the topics say about backups and
 * restores, only of the projects the caller may see, and a restarted gateway rebuilds the same view from the
 * topics alone.
 */
class OpsViewIntegrationTests {

    static final List<String> SECTIONS = List.of("running_backups", "failed_backups", "out_of_schedule",
            "running_restores", "recent_restores");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static StackFixture fixture;
    static Stack stack;
    static Api root;

    /** Project "shop": a completed backup of main, then a restore of it; a failed backup of broken. */
    static String shop;
    static String completed;
    static String failed;
    static String restore;
    /** Another project, with a failed backup of its own. */
    static String other;
    static String otherFailed;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        stack = fixture.start();
        root = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        shop = project();
        other = project();
        register(shop, "main", Demo.withFiles(fixture.dir(shop), "main"));
        register(shop, "broken", escaping(shop));
        register(other, "broken", escaping(other));

        completed = backup(shop, "main", "COMPLETED");
        failed = backup(shop, "broken", "FAILED");
        otherFailed = backup(other, "broken", "FAILED");
        Api.Response accepted = root.post("/projects/" + shop + "/environments/main/backups/" + completed + "/restore",
                Map.of("restore_code", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        restore = accepted.body().path("id").asString();
        JsonNode restored = root.awaitEnd("/projects/" + shop + "/restores/" + restore);
        assertThat(restored.path("status").asString()).as(restored.toString()).isEqualTo("COMPLETED");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theViewShowsFailuresAndRestoresAndARestartedGatewayRebuildsItFromTheTopics() {
        JsonNode live = awaitView(root, view -> ids(view, "failed_backups", "backup_id").contains(failed)
                && ids(view, "recent_restores", "restore_id").contains(restore));
        JsonNode failure = only(live, "failed_backups", shop);
        assertThat(failure.path("backup_id").asString()).isEqualTo(failed);
        assertThat(failure.path("environment").asString()).isEqualTo("broken");
        assertThat(failure.path("trigger").asString()).isEqualTo("api");
        assertThat(failure.path("requested_at").isNull()).isFalse();
        assertThat(failure.path("error").asString()).isNotBlank();
        assertThat(failure.path("parts")).filteredOn(p -> p.path("name").asString().equals("uploads"))
                .singleElement().satisfies(p -> assertThat(p.path("error").asString())
                        .contains("refusing to use directory"));
        JsonNode restored = only(live, "recent_restores", shop);
        assertThat(restored.path("restore_id").asString()).isEqualTo(restore);
        assertThat(restored.path("backup_id").asString()).isEqualTo(completed);
        assertThat(restored.path("status").asString()).isEqualTo("completed");
        assertThat(restored.path("source_environment").asString()).isEqualTo("main");
        Map<String, List<String>> before = sections(live, shop);
        assertThat(before.get("running_backups")).as("every backup ended").isEmpty();
        assertThat(before.get("running_restores")).isEmpty();
        assertThat(before.get("out_of_schedule")).as("registered minutes ago").isEmpty();

        stack.close();
        stack = fixture.start();
        root = new Api(stack.gatewayUrl(), StackFixture.TOKEN);

        JsonNode rebuilt = awaitView(root, view -> view.path("caught_up").asBoolean());
        assertThat(sections(rebuilt, shop)).isEqualTo(before);
        assertThat(ids(rebuilt, "failed_backups", "backup_id")).contains(failed, otherFailed);
    }

    @Test
    void aCallerSeesOnlyTheProjectsItMaySee() {
        Accounts accounts = new Accounts(root, stack.gatewayUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api viewer = accounts.user("ops-viewer-" + suffix, null, null);
        accounts.grant(shop, viewer, "viewer");
        Api both = accounts.user("ops-both-" + suffix, null, null);
        accounts.grant(shop, both, "admin");
        accounts.grant(other, both, "viewer");
        Api scoped = accounts.token(both.userId(), other);
        Api stranger = accounts.user("ops-stranger-" + suffix, null, null);
        Api support = accounts.user("ops-support-" + suffix, "support", null);

        awaitView(root, view -> ids(view, "failed_backups", "backup_id").containsAll(List.of(failed, otherFailed)));
        assertThat(projects(viewer)).containsExactly(shop);
        assertThat(ids(view(viewer), "failed_backups", "backup_id")).containsExactly(failed);
        assertThat(ids(view(viewer), "recent_restores", "restore_id")).containsExactly(restore);
        assertThat(projects(both)).containsExactlyInAnyOrder(shop, other);
        assertThat(projects(scoped)).as("a token scoped to one project").containsExactly(other);
        assertThat(ids(view(scoped), "failed_backups", "backup_id")).containsExactly(otherFailed);
        assertThat(projects(stranger)).isEmpty();
        assertThat(projects(support)).contains(shop, other);
        assertThat(projects(root)).contains(shop, other);

        Api.Response anonymous = new Api(stack.gatewayUrl(), null).get("/ops/fleet");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOpsPageIsServedWithoutATokenAndLoadsNothingFromElsewhere() throws Exception {
        for (String file : List.of("/ops/", "/ops/index.html", "/ops/ops.js", "/ops/ops.css")) {
            HttpResponse<String> response = get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.body()).as(file).doesNotContainIgnoringCase("http://")
                    .doesNotContainIgnoringCase("https://").doesNotContain("\"//", "'//", "(//", "innerHTML");
        }
        assertThat(get("/ops/").headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(get("/ops/").body()).contains("ops.js", "ops.css");
        assertThat(get("/ops/ops.js").body()).contains("'/ops/fleet'");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode awaitView(Api caller, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> view(caller),
                ready);
    }

    static JsonNode view(Api caller) {
        Api.Response response = caller.get("/ops/fleet");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** Every project the caller's view names, in any section. */
    static List<String> projects(Api caller) {
        JsonNode view = view(caller);
        return SECTIONS.stream().flatMap(s -> StreamSupport.stream(view.path(s).spliterator(), false))
                .map(n -> n.path("project").asString()).distinct().toList();
    }

    /** Each section's entries of one project, as JSON text: what a rebuilt view must show again. */
    static Map<String, List<String>> sections(JsonNode view, String project) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            sections.put(section, StreamSupport.stream(view.path(section).spliterator(), false)
                    .filter(n -> n.path("project").asString().equals(project)).map(JsonNode::toString).toList());
        }
        return sections;
    }

    static List<String> ids(JsonNode view, String section, String field) {
        return StreamSupport.stream(view.path(section).spliterator(), false).map(n -> n.path(field).asString())
                .toList();
    }

    static JsonNode only(JsonNode view, String section, String project) {
        List<JsonNode> entries = StreamSupport.stream(view.path(section).spliterator(), false)
                .filter(n -> n.path("project").asString().equals(project)).toList();
        assertThat(entries).as(section + " of " + project).hasSize(1);
        return entries.getFirst();
    }

    static String project() {
        String project = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(root.post("/projects", Demo.project(project)).status()).isEqualTo(201);
        return project;
    }

    static void register(String project, String name, Map<String, Object> environment) {
        Api.Response created = root.post("/projects/" + project + "/environments", environment);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    static String backup(String project, String environment, String expected) {
        String backups = "/projects/" + project + "/environments/" + environment + "/backups";
        Api.Response accepted = root.post(backups, Map.of("safe", false));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode done = root.awaitEnd(backups + "/" + accepted.body().path("id").asString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo(expected);
        return done.path("id").asString();
    }

    /**
     * An environment whose mount is below the project's root as written, but through a symlink that leads
     * out of it: the gateway takes it, and the worker refuses it, so its backups fail at once.
     */
    static Map<String, Object> escaping(String project) {
        try {
            Path outside = Files.createDirectories(fixture.files.resolve("outside-" + project));
            Path link = Files.createSymbolicLink(fixture.dir(project).resolve("escape"), outside);
            Map<String, Object> environment = new LinkedHashMap<>(Demo.withFiles(fixture.dir(project), "broken"));
            environment.put("mounts", List.of(Map.of("name", "uploads", "path", link.resolve("uploads").toString())));
            return environment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
