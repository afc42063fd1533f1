package io.lifeboat.system;

import io.lifeboat.gateway.identity.Tokens;
import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the gateway refuses: outsiders get 404 for everything in a project before any body is read,
 * bodies are strict, and every error is problem+json without internals. Each refusal changes nothing.
 */
class InputValidationIntegrationTests {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final List<String> BODIES = List.of("{\"name\": ", "{\"schedule\": \"advanced\", \"unknown\": 1}",
            "[1, 2", "not json at all");

    static StackFixture fixture;
    static Stack stack;
    static Api root;
    static Accounts accounts;
    static Api admin;
    static Api stranger;
    static Api scoped;

    static String project;
    static String other;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        fixture.properties.put("lifeboat.gateway.rate-limit-per-second", "10000");
        stack = fixture.start();
        root = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
        accounts = new Accounts(root, stack.gatewayUrl());
        project = project();
        other = project();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        admin = accounts.user("admin-" + suffix, null, null);
        stranger = accounts.user("stranger-" + suffix, null, null);
        accounts.grant(project, admin, "admin");
        accounts.grant(other, admin, "admin");
        accounts.grant(other, stranger, "admin");
        scoped = accounts.token(admin.userId(), other);
        assertThat(root.post("/projects/" + project + "/environments", environment("main")).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void outsidersGetNotFoundForEveryPathMethodAndBodyAndNothingChanges() {
        Snapshot before = Snapshot.of(project);
        for (Api outsider : List.of(stranger, scoped)) {
            for (String path : paths(project)) {
                for (String method : METHODS) {
                    for (String body : BODIES) {
                        Api.Response response = outsider.send(method, path, method.equals("GET") ? null : body);
                        assertNotFound(response, method + " " + path + " " + body);
                        assertThat(response.body().path("detail").asString()).isEqualTo("project " + project
                                + " does not exist");
                    }
                }
            }
        }
        assertThat(Snapshot.of(project)).isEqualTo(before);
    }

    @Test
    void aProjectThatDoesNotExistLooksExactlyLikeOneTheCallerCannotSee() {
        String missing = "p" + UUID.randomUUID().toString().substring(0, 8);
        for (String method : METHODS) {
            List<String> seen = new ArrayList<>();
            List<String> unseen = new ArrayList<>();
            for (String path : paths(project)) {
                seen.add(normalised(stranger.send(method, path, BODIES.getFirst()), project));
                unseen.add(normalised(stranger.send(method, path.replace(project, missing), BODIES.getFirst()),
                        missing));
            }
            assertThat(unseen).as(method).isEqualTo(seen);
        }
    }

    @Test
    void membersWithABadBodyStillGetTheFieldNamed() {
        Snapshot before = Snapshot.of(project);
        String envs = "/projects/" + project + "/environments";
        Api.Response malformed = admin.post(envs, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Map<String, Object> badType = new HashMap<>(environment("second"));
        badType.put("type", "qa");
        assertProblem(admin.post(envs, badType), 400, "type");
        assertProblem(admin.send("PUT", envs + "/main", "{\"name\": \"main\", \"type\": \"production\", "
                + "\"code\": {\"commit\": \"zz\"}}"), 400, "code.commit");
        assertProblem(admin.post("/projects/" + project + "/backup-schedule", Map.of("schedule", "gold")), 400,
                "schedule");
        assertThat(Snapshot.of(project)).isEqualTo(before);
    }

    @Test
    void unknownPropertiesAreRefusedNamingTheFieldAndChangeNothing() {
        Snapshot before = Snapshot.of(project);
        String p = "/projects/" + project;
        String envs = p + "/environments";
        Map<String, Object> colour = new HashMap<>(environment("second"));
        colour.put("colour", "blue");
        assertUnknown(root.post(envs, colour), "colour");
        Map<String, Object> branch = new HashMap<>(environment("second"));
        branch.put("code", Map.of("commit", Environment.COMMIT, "branch", "main"));
        assertUnknown(root.post(envs, branch), "code.branch");
        Map<String, Object> mountSize = new HashMap<>(environment("main"));
        mountSize.put("mounts", List.of(Map.of("name", "uploads", "path", "/srv/uploads", "size", 10)));
        assertUnknown(admin.send("PUT", envs + "/main", mountSize), "mounts[0].size");
        assertUnknown(admin.post(envs + "/main/backups", Map.of("safe", false, "sfae", true)), "sfae");
        assertUnknown(admin.send("PATCH", p, Map.of("titel", "Renamed")), "titel");
        assertUnknown(admin.post(p + "/backup-schedule", Map.of("schedule", "advanced", "from", "now")), "from");
        assertUnknown(root.send("PUT", p + "/members/" + admin.userId(), Map.of("role", "viewer", "until",
                "tomorrow")), "until");
        assertUnknown(root.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "UTC",
                "now", "2026-11-25T12:00:00Z", "backups", List.of(), "dry_run", true)), "dry_run");
        assertThat(Snapshot.of(project)).isEqualTo(before);
    }

    @Test
    void nullsWhereAValueIsNeededAreRefusedNamingTheFieldAndChangeNothing() {
        Snapshot before = Snapshot.of(project);
        String envs = "/projects/" + project + "/environments";
        Map<String, Object> nullMount = new HashMap<>(environment("second"));
        nullMount.put("mounts", Arrays.asList((Object) null));
        assertProblem(root.post(envs, nullMount), 400, "mounts[0]");
        Map<String, Object> nullService = new HashMap<>(environment("main"));
        nullService.put("services", Arrays.asList((Object) null));
        assertProblem(admin.send("PUT", envs + "/main", nullService), 400, "services[0]");
        Map<String, Object> connection = new HashMap<>(Map.of("host", "localhost"));
        connection.put("password", null);
        Map<String, Object> nullPassword = new HashMap<>(environment("main"));
        nullPassword.put("services", List.of(Map.of("name", "db", "type", "postgresql", "connection", connection)));
        Api.Response password = admin.send("PUT", envs + "/main", nullPassword);
        assertProblem(password, 400, null);
        assertThat(password.body().path("field").asString()).startsWith("services[0].connection");
        assertThat(Snapshot.of(project)).isEqualTo(before);

        Map<String, Object> backup = new HashMap<>(Map.of("id", "a", "created_at", "2026-11-25T03:00:00Z"));
        backup.put("automated", null);
        assertProblem(root.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "UTC",
                "now", "2026-11-25T12:00:00Z", "backups", List.of(backup))), 400, "backups[0].automated");
    }

    @Test
    void nulCharactersAreRefusedNamingTheFieldAndChangeNothing() {
        Snapshot before = Snapshot.of(project);
        String envs = "/projects/" + project + "/environments";
        Map<String, Object> mount = new HashMap<>(environment("main"));
        mount.put("mounts", List.of(Map.of("name", "up\u0000loads", "path", "/srv/x")));
        Api.Response refused = admin.send("PUT", envs + "/main", mount);
        assertProblem(refused, 400, "mounts[0].name");
        assertThat(refused.body().path("detail").asString()).contains("NUL");
        Map<String, Object> title = Map.of("title", "shop\u0000");
        assertProblem(admin.send("PATCH", "/projects/" + project, title), 400, "title");
        assertThat(Snapshot.of(project)).isEqualTo(before);
    }

    @Test
    void membersAndAuditOfAProjectThatDoesNotExistAreNotFoundForEveryCaller() {
        String deleted = project();
        assertThat(root.delete("/projects/" + deleted).status()).isEqualTo(202);
        Api support = accounts.user("support-" + UUID.randomUUID().toString().substring(0, 6), "support", null);
        for (String missing : List.of("nope", deleted)) {
            for (String path : List.of("/projects/" + missing + "/members", "/projects/" + missing + "/audit")) {
                Api.Response asRoot = root.get(path);
                assertNotFound(asRoot, "root " + path);
                assertNotFound(support.get(path), "support " + path);
                assertThat(stranger.get(path).body()).as("the filter answers as the controller does")
                        .isEqualTo(asRoot.body());
            }
            assertNotFound(root.send("PUT", "/projects/" + missing + "/members/" + admin.userId(),
                    Map.of("role", "admin")), "PUT member of " + missing);
        }
        assertThat(ApiRolesIntegrationTests.ids(admin.get("/projects").body())).doesNotContain("nope", deleted);
    }

    @Test
    void mistypedQueryParametersAreRefusedNamingThem() {
        String env = "/projects/" + project + "/environments/main";
        for (String path : List.of(env + "/backups?limit=abc", env + "/restores?limit=1.5", "/projects?limit=x")) {
            Api.Response response = admin.get(path);
            assertProblem(response, 400, "limit");
            assertThat(response.body().path("detail").asString()).isEqualTo("limit must be a whole number");
        }
        for (String path : List.of(env + "/backups?start=x", env + "/restores?start=x", "/projects?start=x")) {
            assertProblem(admin.get(path), 400, "start");
        }
    }

    @Test
    void errorsOutsideControllersAreProblemsToo() {
        Snapshot before = Snapshot.of(project);
        Api anonymous = new Api(stack.gatewayUrl(), null);
        for (Api caller : List.of(root, admin, anonymous)) {
            for (String path : List.of("/projects;x=1", "/projects/" + project + ";x=1/environments",
                    "/projects/" + project + "/environments/a%25b")) {
                assertFirewall(caller.get(path), path);
                assertFirewall(caller.send("DELETE", path, null), path);
            }
            assertFirewall(caller.send("FOO", "/projects/" + project, null), "FOO");
            Api.Response error = caller.get("/error");
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.contentType()).startsWith("application/problem+json");
        }
        assertProblem(admin.get("/no/such/thing"), 404, null);
        assertProblem(admin.send("DELETE", "/projects/" + project + "/backup-schedule", null), 405, null);
        assertThat(Snapshot.of(project)).isEqualTo(before);
    }

    @Test
    void instantsBeyondTheCalendarAreRefusedNamingTheField() {
        for (String at : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z")) {
            assertProblem(root.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "UTC", "now", at,
                    "backups", List.of())), 400, "now");
            assertProblem(root.post("/retention/evaluate", Map.of("policy", "basic", "timezone", "UTC",
                    "now", "2026-11-25T12:00:00Z", "backups", List.of(Map.of("id", "a", "created_at", at,
                            "automated", true)))), 400, "backups[0].created_at");
        }
    }

    /** A failure of the gateway's own (here its database) is a 500 that tells nothing of its internals. */
    @Test
    void anUnexpectedFailureIsAProblemWithoutInternalsAndChangesNothing() throws Exception {
        Snapshot before = Snapshot.of(project);
        String p = "/projects/" + project;
        catalog("ALTER TABLE gateway.audit RENAME TO audit_away");
        try {
            assertInternal(root.get(p + "/audit"));
            assertInternal(root.send("PATCH", p, Map.of("title", "Renamed while the audit is away")));
        } finally {
            catalog("ALTER TABLE gateway.audit_away RENAME TO audit");
        }
        catalog("ALTER TABLE gateway.memberships RENAME TO memberships_away");
        try {
            assertInternal(admin.get(p + "/environments"));
            assertInternal(admin.post(p + "/environments/main/backups", Map.of("safe", false)));
        } finally {
            catalog("ALTER TABLE gateway.memberships_away RENAME TO memberships");
        }
        assertThat(Snapshot.of(project)).isEqualTo(before);
        assertThat(admin.get(p + "/environments").status()).isEqualTo(200);
    }

    @Test
    void aNewTokensSecretIsNeverPrintedNorLogged() {
        Tokens.NewToken made = new Tokens.NewToken("t1", "cron", project, "lb_0123456789abcdef", Instant.EPOCH);
        assertThat(made.toString()).doesNotContain("lb_0123456789abcdef").contains("t1", "cron", "<redacted>");
        Api.Response created = admin.post("/tokens", Map.of("name", "logged?", "project", project));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().path("token").asString();
        assertThat(secret).startsWith("lb_");
        assertProblem(admin.post("/tokens", Map.of("name", "again", "secret", secret)), 400, "secret");
        assertThat(LogCapture.lines()).isNotEmpty().noneSatisfy(line -> assertThat(line).contains(secret));
    }

    /** Every kind of path under a project, existing or not. */
    static List<String> paths(String project) {
        String p = "/projects/" + project;
        String env = p + "/environments/main";
        return List.of(p, p + "/", p + "/environments", env, env + "/backups", env + "/backups/nope",
                env + "/backups/nope/restore", env + "/backups/nope/verify", env + "/restores", env + "/activate",
                env + "/deactivate", p + "/restores/nope", p + "/members", p + "/members/" + admin.userId(),
                p + "/audit", p + "/activity", p + "/backup-schedule", p + "/tombstones", p + "/no/such/thing",
                "/%70rojects/" + project + "/environments", "/pro%6Aects/" + project + "/environments/main");
    }

    /** What a project holds that a refused request could change. */
    record Snapshot(JsonNode project, JsonNode environments, JsonNode environment, JsonNode backups,
                    JsonNode restores, JsonNode members, JsonNode schedule, int auditEntries) {

        static Snapshot of(String project) {
            String p = "/projects/" + project;
            String env = p + "/environments/main";
            return new Snapshot(ok(p), ok(p + "/environments"), ok(env), ok(env + "/backups"),
                    ok(env + "/restores"), ok(p + "/members"), ok(p + "/backup-schedule"), ok(p + "/audit").size());
        }

        private static JsonNode ok(String path) {
            Api.Response response = root.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
            return response.body();
        }
    }

    static void assertNotFound(Api.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString()).as(what)
                .isEqualTo("https://lifeboat.dev/problems/not-found");
        assertThat(response.body().has("field")).as(what).isFalse();
    }

    static void assertUnknown(Api.Response response, String field) {
        assertProblem(response, 400, field);
        assertThat(response.body().path("detail").asString()).contains(field).doesNotContain("io.lifeboat")
                .doesNotContain("class");
    }

    static void assertFirewall(Api.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString()).isEqualTo("https://lifeboat.dev/problems/invalid-request");
    }

    static void assertInternal(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString()).isEqualTo("https://lifeboat.dev/problems/internal-error");
        assertThat(response.body().toString().toLowerCase()).doesNotContain("audit_", "memberships", "sql",
                "relation", "exception", "org.", "io.lifeboat");
    }

    static void catalog(String sql) throws Exception {
        try (Connection c = PgFixtures.connect(fixture.catalog); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void assertProblem(Api.Response response, int status, String field) {
        ApiBehaviourIntegrationTests.assertProblem(response, status, field);
    }

    /** A response with the project's name taken out, to compare answers about two projects. */
    static String normalised(Api.Response response, String project) {
        return response.status() + " " + response.contentType() + " " + response.body().toString()
                .replace(project, "P");
    }

    static String project() {
        String id = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(root.post("/projects", Demo.project(id)).status()).isEqualTo(201);
        return id;
    }

    static Map<String, Object> environment(String name) {
        return Demo.withFiles(fixture.dir(project), name);
    }
}
