package io.lifeboat.system;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.launcher.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint against every role: admins change, contributors and viewers read, support reads and
 * downgrades, and a caller from another project gets 404 everywhere, so that a project's existence never leaks.
 * Refused requests change nothing.
 */
class ApiRolesIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api root;
    static Accounts accounts;

    static String project;
    static String other;
    static Map<String, Api> callers = new LinkedHashMap<>();
    static String backupId;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        stack = fixture.start();
        root = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        accounts = new Accounts(root, stack.gatewayUrl());
        project = newProject("professional");
        other = newProject("professional");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api admin = accounts.user("admin-" + suffix, null, null);
        Api contributor = accounts.user("contributor-" + suffix, null, null);
        Api viewer = accounts.user("viewer-" + suffix, null, null);
        Api stranger = accounts.user("stranger-" + suffix, null, null);
        accounts.grant(project, admin, "admin");
        accounts.grant(project, contributor, "contributor");
        accounts.grant(project, viewer, "viewer");
        accounts.grant(other, stranger, "admin");
        accounts.grant(other, admin, "admin");
        callers.put("admin", admin);
        callers.put("contributor", contributor);
        callers.put("viewer", viewer);
        callers.put("support", accounts.user("support-" + suffix, "support", null));
        callers.put("stranger", stranger);
        callers.put("admin scoped to the other project", accounts.token(admin.userId(), other));
        callers.put("anonymous", new Api(stack.gatewayUrl(), null));
        assertThat(root.post("/projects/" + project + "/environments", environment("main")).status()).isEqualTo(201);
        backupId = completedBackup("main");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void readsAreForMembersAndSupport() {
        String env = "/projects/" + project + "/environments/main";
        for (String path : List.of("/projects/" + project, "/projects/" + project + "/environments", env,
                env + "/backups", env + "/backups/" + backupId, env + "/restores", "/projects/" + project + "/audit",
                "/projects/" + project + "/members", "/projects/" + project + "/backup-schedule")) {
            expect("GET", path, null, Map.of("admin", 200, "contributor", 200, "viewer", 200, "support", 200));
        }
    }

    @Test
    void projectListsShowOnlyWhatTheCallerMaySee() {
        List<String> seen = ids(callers.get("viewer").get("/projects").body());
        assertThat(seen).contains(project).doesNotContain(other);
        assertThat(ids(callers.get("stranger").get("/projects").body())).contains(other).doesNotContain(project);
        assertThat(ids(callers.get("admin scoped to the other project").get("/projects").body()))
                .containsExactly(other);
    }

    @Test
    void onlyAdminsChangeEnvironmentsAndProjects() {
        String envs = "/projects/" + project + "/environments";
        expect("POST", envs, environment("second"), Map.of("admin", 201));
        expect("PUT", envs + "/second", environment("second"), Map.of("admin", 200));
        expect("POST", envs + "/second/deactivate", null, Map.of("admin", 200));
        expect("POST", envs + "/second/activate", null, Map.of("admin", 200));
        expect("DELETE", envs + "/second", null, Map.of("admin", 204));
        expect("PATCH", "/projects/" + project, Map.of("title", "Renamed"), Map.of("admin", 200));
        assertThat(root.get("/projects/" + project).body().path("title").asString()).isEqualTo("Renamed");
        expect("PUT", "/projects/" + project + "/members/" + callers.get("viewer").userId(), Map.of("role", "viewer"),
                Map.of("admin", 200));
    }

    @Test
    void onlyAdminsCreateVerifyRestoreAndDeleteBackups() {
        String backups = "/projects/" + project + "/environments/main/backups";
        int before = root.get(backups).body().size();
        Api.Response created = expect("POST", backups, Map.of("safe", false), Map.of("admin", 202));
        assertThat(root.get(backups).body().size()).isEqualTo(before + 1);
        awaitEnd(backups + "/" + created.body().path("id").asString());
        expect("POST", backups + "/" + backupId + "/verify", Map.of("sample", 0.5), Map.of("admin", 202));
        Api.Response restore = expect("POST", backups + "/" + backupId + "/restore", Map.of("restore_code", false),
                Map.of("admin", 202));
        String restorePath = "/projects/" + project + "/restores/" + restore.body().path("id").asString();
        expect("GET", restorePath, null, Map.of("admin", 200, "contributor", 200, "viewer", 200, "support", 200));
        awaitEnd(restorePath);
        expect("DELETE", backups + "/" + created.body().path("id").asString(), null, Map.of("admin", 202));
    }

    @Test
    void adminsUpgradeTheScheduleAndOnlySupportDowngradesIt() {
        String schedule = "/projects/" + project + "/backup-schedule";
        expect("POST", schedule, Map.of("schedule", "advanced"), Map.of("admin", 200));
        Api.Response refused = callers.get("admin").post(schedule, Map.of("schedule", "basic"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asString()).contains("contact support");
        assertThat(root.get(schedule).body().path("schedule").asString()).isEqualTo("advanced");
        assertThat(callers.get("support").post(schedule, Map.of("schedule", "basic")).status()).isEqualTo(200);
        assertThat(root.get(schedule).body().path("schedule").asString()).isEqualTo("basic");
        Api.Response notInTier = callers.get("admin").post(schedule, Map.of("schedule", "premium"));
        assertThat(notInTier.status()).isEqualTo(409);
        assertThat(notInTier.body().path("detail").asString()).contains("professional");
    }

    @Test
    void anotherProjectsTokensGetNotFoundEvenForThingsThatDoNotExist() {
        String env = "/projects/" + project + "/environments/main";
        for (String name : List.of("stranger", "admin scoped to the other project")) {
            Api api = callers.get(name);
            for (String[] probe : new String[][] {{"GET", "/projects/" + project}, {"GET", env},
                    {"GET", env + "/backups"}, {"GET", env + "/backups/" + backupId},
                    {"GET", env + "/backups/does-not-exist"}, {"POST", env + "/backups"},
                    {"DELETE", env + "/backups/" + backupId}, {"POST", env + "/backups/" + backupId + "/restore"},
                    {"GET", "/projects/" + project + "/audit"}, {"GET", "/projects/" + project + "/activity"},
                    {"POST", "/projects/" + project + "/backup-schedule"}, {"DELETE", "/projects/" + project}}) {
                Api.Response response = api.send(probe[0], probe[1], probe[0].equals("GET") ? null
                        : Map.of("schedule", "advanced"));
                assertThat(response.status()).as(name + " " + probe[0] + " " + probe[1]).isEqualTo(404);
                assertThat(response.body().toString()).doesNotContain("forbidden");
            }
        }
        assertThat(root.get(env + "/backups/" + backupId).body().path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void withoutATokenEverythingIsUnauthorizedButHealthAndTheApiDocument() {
        Api anonymous = callers.get("anonymous");
        for (String path : List.of("/projects", "/projects/" + project, "/tokens")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(new Api(stack.gatewayUrl(), "not-a-token").get("/projects").status()).isEqualTo(401);
    }

    @Test
    void revokedTokensStopWorking() {
        Api admin = callers.get("admin");
        Api.Response created = admin.post("/tokens", Map.of("name", "cron", "project", project));
        assertThat(created.status()).isEqualTo(201);
        Api cron = new Api(stack.gatewayUrl(), created.body().path("token").asString());
        assertThat(cron.get("/projects/" + project).status()).isEqualTo(200);
        JsonNode listed = admin.get("/tokens").body();
        assertThat(listed.toString()).doesNotContain(created.body().path("token").asString());
        assertThat(admin.delete("/tokens/" + created.body().path("id").asString()).status()).isEqualTo(204);
        assertThat(cron.get("/projects/" + project).status()).isEqualTo(401);
    }

    @Test
    void aProjectScopedTokenSeesAndRevokesOnlyItsProjectsTokens() {
        Api scoped = callers.get("admin scoped to the other project");
        JsonNode listed = scoped.get("/tokens").body();
        assertThat(listed).isNotEmpty().allSatisfy(t -> assertThat(t.path("project").asString()).isEqualTo(other));
        JsonNode all = callers.get("admin").get("/tokens").body();
        String unscoped = Stream.iterate(0, i -> i < all.size(), i -> i + 1).map(all::get)
                .filter(t -> t.path("project").isNull()).findFirst().orElseThrow().path("id").asString();
        assertThat(scoped.delete("/tokens/" + unscoped).status()).isEqualTo(404);
        assertThat(callers.get("admin").get("/projects/" + project).status()).isEqualTo(200);
    }

    @Test
    void projectsComeFromThePlatformAndTheTierFromSupport() {
        Api.Response refused = callers.get("admin").post("/projects", Map.of("id", "p" + UUID.randomUUID()
                .toString().substring(0, 8)));
        assertThat(refused.status()).isEqualTo(403);
        Api.Response tier = callers.get("admin").send("PATCH", "/projects/" + project, Map.of("tier", "elite"));
        assertThat(tier.status()).isEqualTo(403);
        assertThat(tier.body().path("detail").asString()).contains("support");
        assertThat(callers.get("support").send("PATCH", "/projects/" + project, Map.of("title", "x")).status())
                .isEqualTo(403);
        assertThat(root.get("/projects/" + project).body().path("tier").asString()).isEqualTo("professional");
    }

    @Test
    void tokensAreNeverReplayedByIdempotencyKeys() {
        Api.Response refused = callers.get("admin").send("POST", "/tokens", Map.of("name", "again"),
                Map.of("Idempotency-Key", "k-" + UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void everyChangeIsAudited() {
        JsonNode audit = root.get("/projects/" + project + "/audit").body();
        List<String> actions = Stream.iterate(0, i -> i < audit.size(), i -> i + 1)
                .map(i -> audit.get(i).path("action").asString()).toList();
        assertThat(actions).contains("project.created", "environment.created", "backup.requested",
                "member.role-set");
        assertThat(audit.get(0).path("actor").asString()).isNotBlank();
        assertThat(audit.get(0).path("at").asString()).isNotBlank();
    }

    /**
     * Sends the request as every caller: those not in {@code allowed} first, each must be refused (403 for
     * members and support, 404 for outsiders, 401 without a token), then the allowed ones.
     */
    static Api.Response expect(String method, String path, Object body, Map<String, Integer> allowed) {
        for (Map.Entry<String, Api> caller : callers.entrySet()) {
            if (allowed.containsKey(caller.getKey())) {
                continue;
            }
            int wanted = switch (caller.getKey()) {
                case "anonymous" -> 401;
                case "stranger", "admin scoped to the other project" -> 404;
                default -> 403;
            };
            Api.Response refused = caller.getValue().send(method, path, body);
            assertThat(refused.status()).as(caller.getKey() + " " + method + " " + path + ": " + refused.body())
                    .isEqualTo(wanted);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Response last = null;
        for (Map.Entry<String, Integer> ok : allowed.entrySet()) {
            last = callers.get(ok.getKey()).send(method, path, body);
            assertThat(last.status()).as(ok.getKey() + " " + method + " " + path + ": " + last.body())
                    .isEqualTo(ok.getValue());
        }
        return last;
    }

    static String newProject(String tier) {
        String id = "p" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("id", id, "tier", tier, "plan", "production", "timezone", "Europe/Paris");
        assertThat(root.post("/projects", body).status()).isEqualTo(201);
        return id;
    }

    static Map<String, Object> environment(String name) {
        try {
            Path mount = Files.createDirectories(fixture.dir(project).resolve(project + "-" + name + "-mount"));
            Files.writeString(mount.resolve("hello.txt"), "hello " + name);
            Path code = Files.createDirectories(fixture.dir(project).resolve(project + "-" + name + "-code"));
            Files.writeString(code.resolve("app.py"), "print('hi')\n");
            return Demo.filesOnly(name, mount, code);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String completedBackup(String environment) {
        String backups = "/projects/" + project + "/environments/" + environment + "/backups";
        Api.Response accepted = root.post(backups, Map.of("safe", false));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode done = awaitEnd(backups + "/" + accepted.body().path("id").asString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        return done.path("id").asString();
    }

    static JsonNode awaitEnd(String path) {
        return root.awaitEnd(path);
    }

    static List<String> ids(JsonNode projects) {
        return Stream.iterate(0, i -> i < projects.size(), i -> i + 1).map(i -> projects.get(i).path("id").asString())
                .toList();
    }
    @Test
    void aTierChangeKeepsTheNearestScheduleTheTierAllows() {
        String enterprise = newProject("enterprise");
        assertThat(root.post("/projects/" + enterprise + "/backup-schedule", Map.of("schedule", "premium")).status())
                .isEqualTo(200);
        Api support = callers.get("support");
        Api.Response moved = support.send("PATCH", "/projects/" + enterprise, Map.of("tier", "professional"));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(moved.body().path("schedule").asString()).as("premium's nearest in professional")
                .isEqualTo("advanced");
        JsonNode schedule = root.get("/projects/" + enterprise + "/backup-schedule").body();
        assertThat(schedule.path("tier").asString()).isEqualTo("professional");
        assertThat(schedule.path("schedule").asString()).isEqualTo("advanced");
        assertThat(support.send("PATCH", "/projects/" + enterprise, Map.of("tier", "elite")).body()
                .path("schedule").asString()).as("a schedule the tier allows is kept").isEqualTo("advanced");

        String professional = newProject("professional");
        Api.Response up = support.send("PATCH", "/projects/" + professional, Map.of("tier", "enterprise"));
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.body().path("schedule").asString()).as("basic's nearest in enterprise").isEqualTo("advanced");
        try (Platform topic = new Platform(fixture.properties.get("lifeboat.kafka.namespace"), Topics.ENVIRONMENTS)) {
            ProjectUpserted published = topic.awaitReply(ProjectUpserted.class, e -> e.project().equals(enterprise)
                    && e.tier().equals("professional"));
            assertThat(published.schedule()).isEqualTo("advanced");
        }
    }

    @Test
    void aViewerCannotPatchAProject() {
        String patched = newProject("professional");
        accounts.grant(patched, callers.get("viewer"), "viewer");
        accounts.grant(patched, callers.get("contributor"), "contributor");
        JsonNode before = root.get("/projects/" + patched).body();
        for (String role : List.of("viewer", "contributor")) {
            for (Object body : List.of(Map.of(), Map.of("title", "x"), Map.of("tier", "professional"))) {
                Api.Response refused = callers.get(role).send("PATCH", "/projects/" + patched, body);
                assertThat(refused.status()).as(role + " " + body + ": " + refused.body()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(root.get("/projects/" + patched).body()).isEqualTo(before);
        assertThat(root.get("/projects/" + patched + "/audit").body().toString()).doesNotContain("project.updated");

        Api.Response changed = root.send("PATCH", "/projects/" + patched, Map.of("timezone", "Asia/Tokyo"));
        assertThat(changed.status()).isEqualTo(200);
        List<ProjectUpserted> published = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of("bootstrap.servers",
                             io.lifeboat.testing.TestInfra.kafkaBootstrap(), "group.id", "patch-" + UUID.randomUUID(),
                             "auto.offset.reset", "earliest"),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                             new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(fixture.properties.get("lifeboat.kafka.namespace") + Topics.ENVIRONMENTS));
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && EventCodec.decode(record.value()) instanceof ProjectUpserted e
                            && e.project().equals(patched)) {
                        published.add(e);
                    }
                }
                return published.stream().anyMatch(e -> e.timezone().equals("Asia/Tokyo"));
            });
        }
        assertThat(published).as("the project's creation and the admin's change; nothing refused")
                .extracting(ProjectUpserted::timezone).containsExactly("Europe/Paris", "Asia/Tokyo");
    }
}
