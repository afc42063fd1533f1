package io.lifeboat.system;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.contracts.platform.MergeRequested;
import io.lifeboat.contracts.platform.PlatformBackupCompleted;
import io.lifeboat.contracts.platform.PlatformBackupFailed;
import io.lifeboat.contracts.platform.PlatformEnvironmentChanged;
import io.lifeboat.contracts.platform.PlatformEnvironmentUpserted;
import io.lifeboat.contracts.platform.ResizeRequested;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The API's behaviour beyond roles: bad input, idempotency, the per-environment queue, limits, the platform. */
class ApiBehaviourIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        fixture.properties.put("lifeboat.gateway.rate-limit-per-second", "20");
        // no other test here verifies: a verification with no result ends within seconds
        fixture.properties.put("lifeboat.gateway.verification-timeout", "5s");
        fixture.properties.put("lifeboat.gateway.verification-sweep", "1s");
        stack = fixture.start();
        api = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void badRequestsGetProblemsThatNameTheFieldAndChangeNothing() throws Exception {
        String project = project();
        String envs = "/projects/" + project + "/environments";
        Map<String, Object> noCommit = new HashMap<>(environment(project, "main"));
        noCommit.put("code", Map.of("commit", "not a sha"));
        assertProblem(api.post(envs, noCommit), 400, "code.commit");
        Map<String, Object> badType = new HashMap<>(environment(project, "main"));
        badType.put("type", "qa");
        assertProblem(api.post(envs, badType), 400, "type");
        assertProblem(api.post(envs, "{\"name\": \"main\", "), 400, null);
        assertProblem(api.post(envs, "{\"name\": \"main\", \"type\": \"production\", \"mounts\": \"x\"}"), 400,
                "mounts");
        assertProblem(api.post(envs, "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413, null);
        assertThat(api.get(envs).body()).isEmpty();

        assertThat(api.post(envs, environment(project, "main")).status()).isEqualTo(201);
        String backups = envs + "/main/backups";
        assertProblem(api.post(backups, "{\"safe\": \"maybe\"}"), 400, "safe");
        assertProblem(api.get(backups + "?limit=0"), 400, "limit");
        assertProblem(api.get(backups + "?start=yesterday"), 400, "start");
        assertProblem(api.post(envs + "/nope/backups", Map.of("safe", true)), 404, null);
        assertProblem(api.get(backups + "/nope"), 404, null);
        assertProblem(api.post("/projects/" + project + "/backup-schedule", Map.of("schedule", "gold")), 400,
                "schedule");
        assertProblem(api.send("PATCH", "/projects/" + project, Map.of("timezone", "Mars/Olympus")), 400,
                "timezone");
        assertThat(api.post(envs + "/main/deactivate", null).status()).isEqualTo(200);
        Api.Response inactive = api.post(backups, Map.of("safe", true));
        assertProblem(inactive, 409, null);
        assertThat(inactive.body().path("detail").asString()).contains("activate the environment");
        assertThat(api.get(backups).body()).isEmpty();
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheOriginalBackup() throws Exception {
        String backups = registered(project(), "main") + "/backups";
        Map<String, String> key = Map.of("Idempotency-Key", "nightly-" + UUID.randomUUID());
        Api.Response first = api.send("POST", backups, Map.of("safe", false), key);
        Api.Response retry = api.send("POST", backups, Map.of("safe", false), key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().path("id")).isEqualTo(first.body().path("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(backups).body()).hasSize(1);
        assertProblem(api.send("POST", backups, Map.of("safe", true), key), 422, "Idempotency-Key");
        assertThat(api.get(backups).body()).hasSize(1);
        awaitEnd(backups + "/" + first.body().path("id").asString());
    }

    @Test
    void operationsOnOneEnvironmentRunOneAtATimeInRequestOrder() throws Exception {
        String env = registered(project(), "main");
        String earlier = awaitEnd(env + "/backups/" + api.post(env + "/backups", Map.of("safe", false)).body()
                .path("id").asString()).path("id").asString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response accepted = api.post(env + "/backups", Map.of("safe", i % 2 == 0));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.body().path("status").asString()).isEqualTo("PENDING");
            ids.add(accepted.body().path("id").asString());
        }
        Api.Response restore = api.post(env + "/backups/" + earlier + "/restore", Map.of());
        assertThat(restore.status()).isEqualTo(202);
        assertThat(restore.body().path("status").asString()).isEqualTo("PENDING");
        List<JsonNode> ended = ids.stream().map(id -> awaitEnd(env + "/backups/" + id)).toList();
        JsonNode restored = awaitEnd("/projects/" + restore.body().path("project").asString() + "/restores/"
                + restore.body().path("id").asString());
        for (int i = 1; i < ended.size(); i++) {
            assertThat(ended.get(i).path("status").asString()).isEqualTo("COMPLETED");
            assertThat(Instant.parse(ended.get(i).path("started_at").asString()))
                    .as("backup %d starts after backup %d completed", i, i - 1)
                    .isAfterOrEqualTo(Instant.parse(ended.get(i - 1).path("completed_at").asString()));
        }
        assertThat(restored.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(restored.path("completed_at").asString()))
                .isAfter(Instant.parse(ended.getLast().path("completed_at").asString()));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(api.get(env + "/backups/"
                + ids.getLast()).body().path("retention").toString()).as("retention explains itself")
                .contains("manual 1 of 4"));
    }

    @Test
    void automatedBackupsFromTheSchedulerWaitTheirTurnLikeAnyOther() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String manual = api.post(env + "/backups", Map.of("safe", true)).body().path("id").asString();
        String automated = "%012x".formatted(System.currentTimeMillis()) + "0123456789abcdef0123";
        try (Platform scheduler = new Platform(fixture.properties.get("lifeboat.kafka.namespace"))) {
            BackupRequested request = new BackupRequested(Ids.eventId(), Instant.now(), automated,
                    new EnvironmentRef(project, "main"), false, true, "schedule", Environment.COMMIT,
                    List.of(new PartSpec("code", "code", Map.of("commit", Environment.COMMIT, "path",
                            fixture.dir(project).resolve(project + "-main-code").toString()), null)), null);
            scheduler.send(Topics.SCHEDULED_BACKUPS, request);
            scheduler.send(Topics.SCHEDULED_BACKUPS, request);
        }
        JsonNode first = awaitEnd(env + "/backups/" + manual);
        JsonNode second = awaitEnd(env + "/backups/" + automated);
        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("COMPLETED");
        assertThat(second.path("automated").asBoolean()).isTrue();
        assertThat(second.path("trigger").asString()).isEqualTo("schedule");
        assertThat(Instant.parse(second.path("started_at").asString()))
                .isAfterOrEqualTo(Instant.parse(first.path("completed_at").asString()));
        assertThat(api.get(env + "/backups").body()).as("a redelivered request is queued once").hasSize(2);
    }

    @Test
    void tooManyRequestsWithOneTokenAreRefusedWith429() throws Exception {
        String project = project();
        String path = "/projects/" + project;
        Accounts accounts = new Accounts(api, stack.gatewayUrl());
        Api user = accounts.user("busy-" + UUID.randomUUID().toString().substring(0, 6), null, null);
        accounts.grant(project, user, "viewer");
        List<Future<Api.Response>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                responses.add(pool.submit(() -> user.get(path)));
            }
        }
        List<Api.Response> limited = new ArrayList<>();
        for (Future<Api.Response> response : responses) {
            if (response.get().status() == 429) {
                limited.add(response.get());
            }
        }
        assertThat(limited).isNotEmpty();
        assertThat(limited.getFirst().contentType()).startsWith("application/problem+json");
        assertThat(limited.getFirst().header("Retry-After")).isNotBlank();
        await().atMost(Duration.ofMinutes(2)).until(() -> user.get(path).status() == 200);
        assertThat(api.get(path).status()).as("other tokens are not limited").isEqualTo(200);
    }

    @Test
    void retentionEvaluationExplainsWhatIsKeptAndChangesNothing() {
        List<Map<String, Object>> backups = new ArrayList<>();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        for (int day = 0; day < 10; day++) {
            backups.add(Map.of("id", "auto-" + day, "created_at", now.minus(Duration.ofDays(day)).minusSeconds(3600)
                    .toString(), "automated", true));
        }
        backups.add(Map.of("id", "manual-1", "created_at", "2026-11-20T09:00:00Z", "automated", false));
        Api.Response result = api.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "Europe/Paris",
                "now", now.toString(), "backups", backups));
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
        List<String> kept = Stream.iterate(0, i -> i < result.body().path("kept").size(), i -> i + 1)
                .map(i -> result.body().path("kept").get(i).path("id").asString()).toList();
        assertThat(kept).containsExactlyInAnyOrder("auto-0", "auto-1", "manual-1");
        assertThat(result.body().path("kept").get(0).path("reasons").get(0).asString()).isNotBlank();
        assertThat(result.body().path("expired")).hasSize(8);

        Api.Response custom = api.post("/retention/evaluate", Map.of("policy", List.of(Map.of("interval", "1d",
                "count", 7), Map.of("interval", "1w", "count", 4)), "timezone", "UTC", "now", now.toString(),
                "backups", backups));
        assertThat(custom.status()).isEqualTo(200);
        assertThat(custom.body().path("rules").toString()).contains("1d x 7", "1w x 4");
        assertProblem(api.post("/retention/evaluate", Map.of("policy", List.of(Map.of("interval", "1q", "count", 1)),
                "timezone", "UTC", "now", now.toString(), "backups", backups)), 400, "policy[0]");
        assertProblem(api.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "Nowhere",
                "now", now.toString(), "backups", backups)), 400, "timezone");
    }

    @Test
    void aPreMergeBackupIsTakenAndThePlatformHearsWhenItCompletes() throws Exception {
        String project = project();
        registered(project, "main");
        registered(project, "sleepy");
        assertThat(api.post("/projects/" + project + "/environments/sleepy/deactivate", null).status())
                .isEqualTo(200);
        try (Platform platform = new Platform(fixture.properties.get("lifeboat.kafka.namespace"))) {
            EnvironmentRef main = new EnvironmentRef(project, "main");
            String merge = "merge-" + UUID.randomUUID();
            platform.send(new MergeRequested(Ids.eventId(), Instant.now(), merge, main, "feature-x"));
            platform.send(new MergeRequested(Ids.eventId(), Instant.now(), merge, main, "feature-x"));
            PlatformBackupCompleted done = platform.awaitReply(PlatformBackupCompleted.class,
                    r -> r.requestId().equals(merge));
            JsonNode backup = api.get("/projects/" + project + "/environments/main/backups/" + done.backupId())
                    .body();
            assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(backup.path("trigger").asString()).isEqualTo("merge");
            assertThat(backup.path("automated").asBoolean()).isFalse();
            assertThat(api.get("/projects/" + project + "/environments/main/backups").body())
                    .as("a redelivered request takes no second backup").hasSize(1);

            String resize = "resize-" + UUID.randomUUID();
            platform.send(new ResizeRequested(Ids.eventId(), Instant.now(), resize,
                    new EnvironmentRef(project, "sleepy"), "uploads", 20_480));
            PlatformBackupFailed refused = platform.awaitReply(PlatformBackupFailed.class,
                    r -> r.requestId().equals(resize));
            assertThat(refused.reason()).contains("inactive");

            platform.send(new PlatformEnvironmentChanged(Ids.eventId(), Instant.now(), main, "deactivated"));
            await().atMost(Duration.ofMinutes(2)).until(() -> api.get("/projects/" + project
                    + "/environments/main").body().path("status").asString().equals("inactive"));
            assertThat(api.get("/projects/" + project + "/audit").body().toString()).contains("platform");
        }
    }

    @Test
    void deletingAProjectTakesATombstoneOfEachActiveEnvironment() throws Exception {
        String project = project();
        registered(project, "main");
        registered(project, "idle");
        assertThat(api.post("/projects/" + project + "/environments/idle/deactivate", null).status())
                .isEqualTo(200);
        assertThat(api.delete("/projects/" + project).status()).isEqualTo(202);
        assertThat(api.get("/projects/" + project).status()).isEqualTo(404);
        assertProblem(api.post("/projects", Map.of("id", project)), 409, null);
        await().atMost(Duration.ofMinutes(2)).until(() -> catalog("SELECT environment, trigger, status FROM "
                + "gateway.backups WHERE project_id = '" + project + "'"), rows -> rows.equals(
                List.of("main tombstone COMPLETED")));
    }

    @Test
    void aQueuedRestoreIsOnTheTopicsAndFailsThereWhenItsEnvironmentGoesAway() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String backup = completedBackup(env);
        for (int i = 0; i < 2; i++) {
            assertThat(api.post(env + "/backups", Map.of("safe", false)).status()).isEqualTo(202);
        }
        Api.Response restore = api.post(env + "/backups/" + backup + "/restore", Map.of());
        assertThat(restore.status()).isEqualTo(202);
        String restoreId = restore.body().path("id").asString();
        assertThat(api.delete(env).status()).isEqualTo(204);

        try (Platform dashboard = new Platform(fixture.properties.get("lifeboat.kafka.namespace"),
                Topics.RESTORE_EVENTS)) {
            RestoreQueued queued = dashboard.awaitReply(RestoreQueued.class, e -> e.restoreId().equals(restoreId));
            assertThat(queued.backupId()).isEqualTo(backup);
            assertThat(queued.target()).isEqualTo(new EnvironmentRef(project, "main"));
            RestoreFailed failed = dashboard.awaitReply(RestoreFailed.class, e -> e.restoreId().equals(restoreId));
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("was deleted before this operation started");
        }
        JsonNode ended = api.get("/projects/" + project + "/restores/" + restoreId).body();
        assertThat(ended.path("status").asString()).isEqualTo("FAILED");
        assertThat(ended.path("target_state").asString()).isEqualTo("unchanged");
    }

    @Test
    void anOperatorRecoversADeletedProjectFromItsTombstoneIntoAnotherProject() throws Exception {
        String deleted = project();
        String source = registered(deleted, "main");
        Path sourceMount = fixture.dir(deleted).resolve(deleted + "-main-mount");
        Files.writeString(sourceMount.resolve("notes.txt"), "written in the project that was deleted");
        Map<String, String> atDeletion = TreeFingerprint.of(sourceMount);
        String other = project();
        registered(other, "main");
        Api admin = new Accounts(api, stack.gatewayUrl()).user("admin-" + other, null, null);
        new Accounts(api, stack.gatewayUrl()).grant(other, admin, "admin");
        assertThat(api.delete("/projects/" + deleted).status()).isEqualTo(202);
        JsonNode tombstones = await().atMost(Duration.ofMinutes(2)).until(() -> api.get("/projects/" + deleted
                + "/tombstones").body(), list -> list.size() == 1 && list.get(0).path("status").asString()
                .equals("COMPLETED"));
        assertThat(tombstones.get(0).path("trigger").asString()).isEqualTo("tombstone");
        String tombstone = tombstones.get(0).path("id").asString();
        assertThat(admin.get("/projects/" + deleted + "/tombstones").status()).as("not a member of it")
                .isEqualTo(404);
        Api scopedPlatform = new Accounts(api, stack.gatewayUrl()).user("platform-" + other, "platform", other);
        assertThat(scopedPlatform.get("/projects/" + deleted + "/tombstones").status())
                .as("a token scoped to another project").isEqualTo(404);
        assertThat(api.get("/projects/" + other + "/tombstones").status()).as("not deleted").isEqualTo(409);
        String restorePath = source + "/backups/" + tombstone + "/restore";
        Map<String, Object> intoOther = Map.of("target_project", other);

        assertThat(admin.post(restorePath, intoOther).status()).as("not a member of the deleted project")
                .isEqualTo(404);
        assertProblem(api.post(restorePath, Map.of("target_project", "nowhere")), 404, null);
        Api.Response accepted = api.post(restorePath, intoOther);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).startsWith("/projects/" + other + "/restores/");
        JsonNode restored = awaitEnd("/projects/" + other + "/restores/" + accepted.body().path("id").asString());
        assertThat(restored.path("status").asString()).as(restored.toString()).isEqualTo("COMPLETED");
        assertThat(restored.path("source_project").asString()).isEqualTo(deleted);
        assertThat(restored.path("environment").asString()).isEqualTo("main");
        assertThat(TreeFingerprint.of(fixture.dir(other).resolve(other + "-main-mount"))).isEqualTo(atDeletion);
    }

    @Test
    void aLiveProjectsBackupCannotBeRestoredIntoAnotherProject() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String other = project();
        registered(other, "main");
        String backup = completedBackup(env);
        assertProblem(api.post(env + "/backups/" + backup + "/restore", Map.of("target_project", other)), 409,
                null);
        Api admin = new Accounts(api, stack.gatewayUrl()).user("admin-" + project, null, null);
        new Accounts(api, stack.gatewayUrl()).grant(project, admin, "admin");
        assertProblem(admin.post(env + "/backups/" + backup + "/restore", Map.of("target_project", other)), 403,
                null);
        assertProblem(api.post(env + "/backups/" + backup + "/restore", Map.of("target_project", "Not A Name")),
                400, "target_project");
        assertThat(api.get("/projects/" + other + "/environments/main/restores").body()).isEmpty();
    }

    @Test
    void deletingAnEnvironmentDeletesItsBackups() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String id = awaitEnd(env + "/backups/" + api.post(env + "/backups", Map.of("safe", false)).body().path("id")
                .asString()).path("id").asString();
        assertThat(api.delete(env).status()).isEqualTo(204);
        assertThat(api.get(env).status()).isEqualTo(404);
        await().atMost(Duration.ofMinutes(2)).until(() -> catalog("SELECT status FROM gateway.backups WHERE id = '"
                + id + "'"), rows -> rows.equals(List.of("DELETED")));
    }

    /** The committed docs/openapi.yaml is what the gateway serves; -Dlifeboat.writeOpenApi=true rewrites it. */
    @Test
    void theCommittedApiDocumentIsWhatTheGatewayServes() throws Exception {
        java.net.http.HttpResponse<String> served = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl() + "/v3/api-docs.yaml"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        Path committed = Path.of("..", "docs", "openapi.yaml");
        if (Boolean.getBoolean("lifeboat.writeOpenApi")) {
            Files.writeString(committed, served.body());
        }
        assertThat(served.body()).contains("/projects/{project}/environments/{environment}/backups",
                "/retention/evaluate", "/projects/{project}/backup-schedule", "/projects/{project}/activity");
        assertThat(Files.readString(committed)).as("docs/openapi.yaml is stale: run the test with "
                + "-Dlifeboat.writeOpenApi=true and commit it").isEqualTo(served.body());
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("detail").asString()).isNotBlank();
        }
        if (field != null) {
            assertThat(response.body().path("field").asString()).as(response.body().toString()).isEqualTo(field);
        }
    }

    static String project() {
        String id = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/projects", Demo.project(id)).status()).isEqualTo(201);
        return id;
    }

    static String registered(String project, String name) throws Exception {
        Api.Response created = api.post("/projects/" + project + "/environments", environment(project, name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return "/projects/" + project + "/environments/" + name;
    }

    static Map<String, Object> environment(String project, String name) throws Exception {
        Path mount = Files.createDirectories(fixture.dir(project).resolve(project + "-" + name + "-mount"));
        Files.write(mount.resolve("data.bin"), new byte[4 * 1024 * 1024]);
        Path code = Files.createDirectories(fixture.dir(project).resolve(project + "-" + name + "-code"));
        Files.writeString(code.resolve("app.py"), "print('hi')\n");
        return Demo.filesOnly(name, mount, code);
    }

    static JsonNode awaitEnd(String path) {
        return api.awaitEnd(path);
    }

    /** A live backup of {@code env} that completed: its id. */
    static String completedBackup(String env) {
        return awaitEnd(env + "/backups/" + api.post(env + "/backups", Map.of("safe", false)).body().path("id")
                .asString()).path("id").asString();
    }

    /** The bindings of one of the services, to stop and start its consumers. */
    static BindingsLifecycleController bindings(String service) {
        return stack.contexts().stream()
                .filter(c -> service.equals(c.getEnvironment().getProperty("spring.application.name")))
                .findFirst().orElseThrow().getBean(BindingsLifecycleController.class);
    }

    static List<String> catalog(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = PgFixtures.connect(fixture.catalog); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                rows.add(String.join(" ", columns));
            }
        }
        return rows;
    }
    @Test
    void deactivatingThroughARegistrationUpdateEndsWhatWasQueuedAndSaysSoOnTheTopic() throws Exception {
        String project = project();
        Map<String, Object> registration = new HashMap<>(environment(project, "main"));
        endsWhatWasQueued(project, registration, () -> {
            registration.put("status", "inactive");
            Api.Response updated = api.send("PUT", "/projects/" + project + "/environments/main", registration);
            assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        });
    }

    @Test
    void deactivatingThroughAPlatformUpsertEndsWhatWasQueuedAndSaysSoOnTheTopic() throws Exception {
        String project = project();
        Map<String, Object> registration = new HashMap<>(environment(project, "main"));
        endsWhatWasQueued(project, registration, () -> {
            try (Platform platform = new Platform(fixture.properties.get("lifeboat.kafka.namespace"))) {
                platform.send(new PlatformEnvironmentUpserted(Ids.eventId(), Instant.now(),
                        new EnvironmentRef(project, "main"), "production", "inactive", Environment.COMMIT, List.of(
                        new PartSpec("uploads", "mount", Map.of("path",
                                fixture.dir(project).resolve(project + "-main-mount").toString()), null),
                        new PartSpec("code", "code", Map.of("commit", Environment.COMMIT, "path",
                                fixture.dir(project).resolve(project + "-main-code").toString()), null))));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> api.get("/projects/" + project
                    + "/environments/main").body().path("status").asString().equals("inactive"));
        });
    }

    /**
     * Registers the environment with a hold hook that answers only when told, so that a consistent backup runs
     * until then; queues two backups and a restore behind it, deactivates, and checks that the queued ones
     * failed, in the API and on the topics, saying why, and that the running one still ended.
     */
    private static void endsWhatWasQueued(String project, Map<String, Object> registration, Runnable deactivate)
            throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer hooks = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        hooks.createContext("/", exchange -> {
            try {
                if (exchange.getRequestURI().getPath().equals("/hold")) {
                    release.await(1, java.util.concurrent.TimeUnit.MINUTES);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hooks.start();
        try {
            String base = "http://127.0.0.1:" + hooks.getAddress().getPort();
            registration.put("hooks", Map.of("hold", base + "/hold", "release", base + "/release"));
            String env = "/projects/" + project + "/environments/main";
            assertThat(api.post("/projects/" + project + "/environments", registration).status()).isEqualTo(201);
            String earlier = awaitEnd(env + "/backups/" + api.post(env + "/backups", Map.of("safe", false)).body()
                    .path("id").asString()).path("id").asString();
            String running = api.post(env + "/backups", Map.of("safe", true)).body().path("id").asString();
            List<String> queued = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                queued.add(api.post(env + "/backups", Map.of("safe", false)).body().path("id").asString());
            }
            Api.Response restore = api.post(env + "/backups/" + earlier + "/restore", Map.of());
            assertThat(restore.status()).isEqualTo(202);
            String restoreId = restore.body().path("id").asString();

            deactivate.run();
            release.countDown();

            for (String id : queued) {
                JsonNode backup = awaitEnd(env + "/backups/" + id);
                assertThat(backup.path("status").asString()).isEqualTo("FAILED");
                assertThat(backup.path("error").asString()).contains("was deactivated before this operation started");
            }
            JsonNode restored = awaitEnd("/projects/" + project + "/restores/" + restoreId);
            assertThat(restored.path("status").asString()).isEqualTo("FAILED");
            assertThat(restored.path("target_state").asString()).isEqualTo("unchanged");
            assertThat(awaitEnd(env + "/backups/" + running).path("status").asString())
                    .as("the running backup is not cancelled").isIn("COMPLETED", "FAILED");
            try (Platform dashboard = new Platform(fixture.properties.get("lifeboat.kafka.namespace"),
                    Topics.BACKUP_EVENTS)) {
                for (String id : queued) {
                    BackupFailed failed = dashboard.awaitReply(BackupFailed.class, e -> e.backupId().equals(id));
                    assertThat(failed.environment()).isEqualTo(new EnvironmentRef(project, "main"));
                    assertThat(failed.error()).contains("was deactivated before this operation started");
                }
            }
            assertThat(api.get(env + "/backups").body()).as("nothing else was taken").hasSize(4);
        } finally {
            release.countDown();
            hooks.stop(0);
        }
    }
    @Test
    void aVerificationWhoseResultNeverComesEndsAsFailed() throws Exception {
        String env = registered(project(), "main");
        String path = env + "/backups/" + awaitEnd(env + "/backups/" + api.post(env + "/backups",
                Map.of("safe", false)).body().path("id").asString()).path("id").asString();
        String id = path.substring(path.lastIndexOf('/') + 1);
        // retention, which verifies, stops listening: the request waits on the topic, and no result comes
        BindingsLifecycleController retention = bindings("retention-service");
        retention.stop("backupEvents-in-0");
        try {
            assertThat(api.post(path + "/verify", Map.of("sample", 1.0)).status()).isEqualTo(202);
            assertThat(api.get(path).body().path("verification").path("status").asString()).isEqualTo("RUNNING");
            JsonNode verification = await().atMost(Duration.ofMinutes(2)).until(() -> api.get(path).body()
                    .path("verification"), v -> !v.path("status").asString().equals("RUNNING"));
            assertThat(verification.path("status").asString()).as(verification.toString()).isEqualTo("FAILED");
            assertThat(verification.path("errors").toString()).contains("no verification result within 5s");
            assertThat(api.get(path).body().path("status").asString()).as("the backup itself is unchanged")
                    .isEqualTo("COMPLETED");
            try (Platform dashboard = new Platform(fixture.properties.get("lifeboat.kafka.namespace"),
                    Topics.BACKUP_EVENTS)) {
                BackupVerified result = dashboard.awaitReply(BackupVerified.class, e -> e.backupId().equals(id));
                assertThat(result.passed()).isFalse();
                assertThat(result.errors()).hasSize(1);
                assertThat(result.errors().getFirst()).contains("gave up waiting");
            }
        } finally {
            retention.start("backupEvents-in-0");
        }
    }

    @Test
    void aQueuedRestoreIsStampedWhenItsTurnComes() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String backup = completedBackup(env);
        List<String> ahead = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ahead.add(api.post(env + "/backups", Map.of("safe", false)).body().path("id").asString());
        }
        Api.Response restore = api.post(env + "/backups/" + backup + "/restore", Map.of());
        assertThat(restore.status()).isEqualTo(202);
        assertThat(restore.body().path("status").asString()).isEqualTo("PENDING");
        String restoreId = restore.body().path("id").asString();
        JsonNode last = ahead.stream().map(id -> awaitEnd(env + "/backups/" + id)).toList().getLast();
        assertThat(awaitEnd("/projects/" + project + "/restores/" + restoreId).path("status").asString())
                .isEqualTo("COMPLETED");

        String namespace = fixture.properties.get("lifeboat.kafka.namespace");
        try (Platform events = new Platform(namespace, Topics.RESTORE_EVENTS);
             Platform requests = new Platform(namespace, Topics.RESTORE_REQUESTS)) {
            RestoreQueued queued = events.awaitReply(RestoreQueued.class, e -> e.restoreId().equals(restoreId));
            var requested = requests.awaitReply(io.lifeboat.contracts.restore.RestoreRequested.class,
                    e -> e.restoreId().equals(restoreId));
            assertThat(requested.occurredAt()).as("the worker's deadline runs from the dispatch, not the queueing")
                    .isAfter(queued.occurredAt())
                    .isAfterOrEqualTo(Instant.parse(last.path("completed_at").asString()));
        }
    }

    @Test
    void replaceMissingDefinersReachesTheWorkerAndTheRestoreShowsWhatEachPartBroughtBack() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String backup = completedBackup(env);
        String restorePath = env + "/backups/" + backup + "/restore";
        assertProblem(api.post(restorePath, Map.of("replace_missing_definers", "maybe")), 400,
                "replace_missing_definers");
        assertProblem(api.post(restorePath, Map.of("replace_definers", true)), 400, "replace_definers");
        assertThat(api.get(env + "/restores").body()).isEmpty();

        // the restore worker stops listening: this test plays its part, with object counts it chose
        BindingsLifecycleController worker = bindings("restore-worker");
        String namespace = fixture.properties.get("lifeboat.kafka.namespace");
        worker.stop("restoreRequests-in-0");
        try (Platform requests = new Platform(namespace, Topics.RESTORE_REQUESTS);
             Platform workerSide = new Platform(namespace, Topics.RESTORE_EVENTS)) {
            Api.Response accepted = api.post(restorePath, Map.of("replace_missing_definers", true));
            assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
            assertThat(accepted.body().path("replace_missing_definers").asBoolean()).isTrue();
            assertThat(accepted.body().path("parts")).isEmpty();
            String id = accepted.body().path("id").asString();
            RestoreRequested requested = requests.awaitReply(RestoreRequested.class, e -> e.restoreId().equals(id));
            assertThat(requested.replaceMissingDefiners()).isTrue();

            List<PartResult> parts = new ArrayList<>();
            Map<String, Map<String, Long>> counts = new HashMap<>();
            for (PartSpec part : requested.targetParts()) {
                Map<String, Long> objects = Map.of("symlinks", 1L, "files", 40L + parts.size(), "directories", 3L);
                counts.put(part.name(), objects);
                parts.add(new PartResult(part.name(), part.type(), PartResult.PartStatus.COMPLETED,
                        4096L * (parts.size() + 1), 0, null, null, objects));
            }
            workerSide.send(Topics.RESTORE_EVENTS, new RestoreCompleted(Ids.eventId(), Instant.now(), id, backup,
                    requested.target(), Environment.COMMIT, parts));

            JsonNode restored = awaitEnd("/projects/" + project + "/restores/" + id);
            assertThat(restored.path("status").asString()).as(restored.toString()).isEqualTo("COMPLETED");
            assertThat(restored.path("replace_missing_definers").asBoolean()).isTrue();
            List<String> shown = new ArrayList<>();
            for (JsonNode part : restored.path("parts")) {
                shown.add(part.path("name").asString() + " " + part.path("type").asString() + " "
                        + part.path("status").asString() + " " + part.path("bytes").asLong() + " "
                        + part.path("objects"));
            }
            assertThat(shown).containsExactlyElementsOf(parts.stream().map(p -> p.name() + " " + p.type()
                    + " COMPLETED " + p.bytes() + " {\"files\":" + counts.get(p.name()).get("files")
                    + ",\"directories\":3,\"symlinks\":1}").toList());
            assertThat(api.get(env + "/restores").body().get(0).path("parts")).isEqualTo(restored.path("parts"));
        } finally {
            worker.start("restoreRequests-in-0");
        }
    }

    @Test
    void aQueuedBackupIsStampedWhenItsTurnComes() throws Exception {
        String project = project();
        String env = registered(project, "main");
        String first = api.post(env + "/backups", Map.of("safe", false)).body().path("id").asString();
        String queued = api.post(env + "/backups", Map.of("safe", false)).body().path("id").asString();
        JsonNode ahead = awaitEnd(env + "/backups/" + first);
        assertThat(awaitEnd(env + "/backups/" + queued).path("status").asString()).isEqualTo("COMPLETED");

        String namespace = fixture.properties.get("lifeboat.kafka.namespace");
        try (Platform events = new Platform(namespace, Topics.BACKUP_EVENTS);
             Platform requests = new Platform(namespace, Topics.BACKUP_REQUESTS)) {
            var waited = events.awaitReply(io.lifeboat.contracts.backup.BackupQueued.class,
                    e -> e.backupId().equals(queued));
            var requested = requests.awaitReply(io.lifeboat.contracts.backup.BackupRequested.class,
                    e -> e.backupId().equals(queued));
            assertThat(requested.occurredAt()).as("the worker's deadline runs from the dispatch, not the queueing")
                    .isAfter(waited.occurredAt())
                    .isAfterOrEqualTo(Instant.parse(ahead.path("completed_at").asString()));
        }
    }
}
