package io.lifeboat.cli;

import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real {@code lifeboat} process against the five services in this JVM, on real Kafka, PostgreSQL and
 * S3: an environment is backed up, listed, verified, damaged and restored through the CLI alone.
 */
class LifeboatIntegrationTests {

    static final String COMMIT = "9c1e0b7d4f2a";

    @TempDir
    static Path dir;
    static CliStack stack;
    static Api api;
    static Cli cli;
    static String project;
    static String database;
    static Map<String, String> data;
    static Cli.Result created;

    @BeforeAll
    static void start() throws Exception {
        stack = new CliStack(dir);
        api = new Api(stack.url());
        project = "p" + stack.id;
        // a development plan: no automated backups, so the only backups are the ones these tests make (two in
        // main, within the two manual backups that retention keeps)
        assertThat(api.post("/projects", Map.of("id", project, "title", "CLI", "tier", "enterprise",
                "plan", "development", "timezone", "Europe/Paris")).status()).isEqualTo(201);
        database = PgFixtures.uniqueName("lb_cli");
        PgFixtures.create(database);
        PgFixtures.populate(database, 2_000);
        register("main", database);
        register("broken", database + "_missing");
        data = PgFingerprint.of(database);
        cli = new Cli(Map.of("LIFEBOAT_API", stack.url(), "LIFEBOAT_TOKEN", CliStack.TOKEN,
                "LIFEBOAT_PROJECT", project, "LIFEBOAT_ENVIRONMENT", "main"), dir);
        created = cli.run("backup:create", "--format", "json");
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (database != null) {
                PgFixtures.drop(database);
            }
        }
    }

    @Test
    void backupCreateWaitsUntilTheBackupEndsAndPrintsItAsJson() {
        assertThat(created.exit()).as(created.toString()).isZero();
        JsonNode backup = created.json();
        assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(backup.path("safe").asBoolean()).isTrue();
        assertThat(backup.path("restorable").asBoolean()).isTrue();
        assertThat(backup.path("commit_id").asString()).isEqualTo(COMMIT);
        assertThat(backup.path("services")).hasSize(3)
                .allSatisfy(part -> assertThat(part.path("status").asString()).isEqualTo("COMPLETED"));
        assertThat(created.err()).contains("requested (safe)").contains(": COMPLETED").doesNotContain("\r");
        assertThat(api.get(backupPath(backup.path("id").asString())).body().path("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void backupListShowsBackupsAsATableAndAsJson() {
        String id = created.json().path("id").asString();

        Cli.Result table = cli.run("backup:list");
        Cli.Result json = cli.run("backup:list", "--limit", "1", "--format", "json");
        Cli.Result none = cli.run("backup:list", "--start", "2020-01-01", "--format", "json");

        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("CREATED +BACKUP ID +STATUS +TYPE .*");
        assertThat(table.out().lines()).anySatisfy(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +" + id + " +COMPLETED +safe +no +yes .*"));
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json()).hasSize(1);
        assertThat(none.json().isArray()).isTrue();
        assertThat(none.json()).isEmpty();
    }

    @Test
    void backupGetShowsOneBackupTheNewestByDefaultOrOneProperty() {
        String id = created.json().path("id").asString();
        String newest = api.get("/projects/" + project + "/environments/main/backups?limit=1").body().get(0)
                .path("id").asString();

        Cli.Result byId = cli.run("backup:get", id, "--format", "json");
        Cli.Result latest = cli.run("backup:get", "--format", "json");
        Cli.Result table = cli.run("backup:get", id);

        assertThat(byId.json().path("id").asString()).as(byId.toString()).isEqualTo(id);
        assertThat(latest.json().path("id").asString()).as(latest.toString()).isEqualTo(newest);
        assertThat(table.out()).containsPattern("(?m)^status +COMPLETED$").containsPattern("(?m)^PART +TYPE");
        assertThat(cli.run("backup:get", id, "-P", "status").out()).isEqualTo("COMPLETED\n");
        assertThat(cli.run("backup:get", "-P", "commit_id").out()).isEqualTo(COMMIT + "\n");
        assertThat(cli.run("backup:get", id, "-P", "services.0.status", "--format", "json").json().asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void backupVerifyWaitsForTheVerdict() {
        String id = created.json().path("id").asString();

        Cli.Result verified = cli.run("backup:verify", id, "--sample", "0.5", "--format", "json");

        assertThat(verified.exit()).as(verified.toString()).isZero();
        JsonNode verification = verified.json().path("verification");
        assertThat(verification.path("status").asString()).isEqualTo("PASSED");
        assertThat(verification.path("sample").asDouble()).isEqualTo(0.5);
        assertThat(verification.path("chunks_checked").asLong()).isPositive();
        assertThat(api.get(backupPath(id)).body().path("verification").path("status").asString())
                .isEqualTo("PASSED");
    }

    @Test
    void backupRestoreOfTheNewestRestorableBackupBringsTheDataBack() throws Exception {
        try (Connection c = PgFixtures.connect(database); Statement s = c.createStatement()) {
            s.execute("DROP TABLE orders CASCADE; UPDATE customers SET name = 'lost'");
        }
        assertThat(PgFingerprint.of(database)).isNotEqualTo(data);

        Cli.Result restored = cli.run("backup:restore", "--replace-missing-definers", "--format", "json");

        assertThat(restored.exit()).as(restored.toString()).isZero();
        assertThat(restored.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(restored.json().path("commit_id").asString()).isEqualTo(COMMIT);
        assertThat(restored.json().path("replace_missing_definers").asBoolean()).isTrue();
        assertThat(restored.json().path("parts")).extracting(part -> part.path("name").asString())
                .containsExactlyInAnyOrder("database", "uploads", "code");
        assertThat(restored.json().path("parts")).allSatisfy(part -> assertThat(part.path("objects").isObject())
                .as(part.toString()).isTrue());
        assertThat(restored.err()).contains(": COMPLETED");
        assertThat(PgFingerprint.of(database)).isEqualTo(data);
    }

    @Test
    void aLiveBackupRequestedWithoutWaitingCanThenBeDeleted() {
        Cli.Result started = cli.run("backup:create", "--live", "--no-wait", "--format", "json");
        assertThat(started.exit()).as(started.toString()).isZero();
        assertThat(started.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(started.json().path("safe").asBoolean()).isFalse();
        String path = backupPath(started.json().path("id").asString());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(path).body().path("status").asString().equals("COMPLETED"));

        Cli.Result deleted = cli.run("backup:delete", started.json().path("id").asString());

        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).contains("is being deleted (status DELETING)");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(path).status() == 404);
    }

    @Test
    void aFailedBackupExitsWith1AndGivingUpWaitingWith6() {
        Cli.Result failed = cli.run("backup:create", "-e", "broken", "--format", "json");
        Cli.Result gaveUp = cli.run("backup:create", "-e", "broken", "--timeout", "0");

        assertError(failed, 1, "failed");
        assertThat(failed.json().path("status").asString()).isEqualTo("FAILED");
        assertError(gaveUp, 6, "gave up waiting after 0 s: backup ");
    }

    @Test
    void badArgumentsExitWith2() {
        assertError(cli.run("backup:list", "--limit", "many"), 2, "'many' is not an int");
        assertError(cli.run("backup:lst"), 2, "did you mean backup:list");
        assertError(cli.run("backup:verify", "x", "--sample", "2"), 2, "--sample must be more than 0");
        assertError(cli.run("backup:list", "--start", "yesterday"), 2, "is not a date");
        assertError(cli.with("LIFEBOAT_PROJECT", null).run("backup:list"), 2, "no project");
        assertError(cli.with("LIFEBOAT_TOKEN", null).run("backup:list"), 2, "no API token");
    }

    @Test
    void anUnknownBackupExitsWith3() {
        assertError(cli.run("backup:get", "no-such-backup"), 3, "backup no-such-backup of " + project
                + "/main does not exist");
    }

    @Test
    void aWrongTokenExitsWith4() {
        assertError(cli.run("backup:list", "--token", "not-the-token-0123456789"), 4, "not authenticated");
    }

    @Test
    void anUnreachableApiExitsWith5() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertError(cli.run("backup:list", "--api", "http://127.0.0.1:" + port), 5, "cannot reach the API");
    }

    @Test
    void aProjectAdminCreatesListsUsesAndRevokesATokenWhoseSecretIsShownOnce() {
        Cli admin = cli.with("LIFEBOAT_TOKEN", adminOf(project));

        Cli.Result created = admin.run("token:create", "nightly-backup", "--project", project, "--format", "json");
        assertThat(created.exit()).as(created.toString()).isZero();
        String id = created.json().path("id").asString();
        String secret = created.json().path("token").asString();
        assertThat(secret).isNotBlank();
        assertThat(created.json().path("project").asString()).isEqualTo(project);
        Cli.Result table = admin.run("token:list");
        Cli.Result json = admin.run("token:list", "--format", "json");
        Cli.Result used = cli.with("LIFEBOAT_TOKEN", secret).run("backup:list");
        Cli.Result revoked = admin.run("token:revoke", id);

        assertThat(table.out()).containsPattern("(?m)^" + id + " +nightly-backup +" + project + " ")
                .doesNotContain(secret);
        assertThat(json.json().findValuesAsString("id")).contains(id);
        assertThat(json.out()).doesNotContain(secret);
        assertThat(used.exit()).as(used.toString()).isZero();
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertError(cli.with("LIFEBOAT_TOKEN", secret).run("backup:list"), 4, "not authenticated");
    }

    @Test
    void scheduleGetShowsTheScheduleAndAnAdminMayUpgradeItButNotDowngradeIt() {
        String other = "s" + stack.id;
        assertThat(api.post("/projects", Map.of("id", other, "title", "Schedules", "tier", "enterprise",
                "plan", "production", "timezone", "UTC")).status()).isEqualTo(201);
        Cli root = cli.with("LIFEBOAT_PROJECT", other);

        Cli.Result table = root.run("schedule:get");
        Cli.Result json = root.run("schedule:get", "--format", "json");
        Cli.Result upgraded = root.run("schedule:upgrade", "premium", "--format", "json");
        Cli.Result downgrade = root.with("LIFEBOAT_TOKEN", adminOf(other)).run("schedule:upgrade", "advanced");

        assertThat(table.out()).containsPattern("(?m)^schedule +advanced$").containsPattern("(?m)^upgrades +premium$");
        assertThat(json.json().path("schedule").asString()).isEqualTo("advanced");
        assertThat(upgraded.exit()).as(upgraded.toString()).isZero();
        assertThat(upgraded.json().path("schedule").asString()).isEqualTo("premium");
        assertThat(upgraded.json().path("upgrades")).isEmpty();
        assertError(downgrade, 4, "contact support");
        assertThat(api.get("/projects/" + other + "/backup-schedule").body().path("schedule").asString())
                .isEqualTo("premium");
    }

    /** A new user who is an admin of the project, and a token of theirs. */
    static String adminOf(String projectId) {
        Api.Response user = api.post("/users", Map.of("name", "admin-" + projectId));
        assertThat(user.status()).as(user.body().toString()).isEqualTo(201);
        String userId = user.body().path("id").asString();
        assertThat(api.put("/projects/" + projectId + "/members/" + userId, Map.of("role", "admin")).status())
                .isEqualTo(200);
        Api.Response token = api.post("/users/" + userId + "/tokens", Map.of("name", "first"));
        assertThat(token.status()).as(token.body().toString()).isEqualTo(201);
        return token.body().path("token").asString();
    }

    static void assertError(Cli.Result result, int exit, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(exit);
        List<String> lines = result.err().lines().filter(line -> line.startsWith("error: ")).toList();
        assertThat(lines).as(result.toString()).singleElement().asString().contains(message);
        assertThat(result.err()).doesNotContain("Exception").doesNotContainPattern("(?m)^\\s+at ");
    }

    static String backupPath(String id) {
        return "/projects/" + project + "/environments/main/backups/" + id;
    }

    static void register(String name, String db) throws Exception {
        Path mount = Files.createDirectories(dir.toRealPath().resolve(project).resolve("mount-" + name));
        Path code = Files.createDirectories(dir.toRealPath().resolve(project).resolve("code-" + name));
        TreeFingerprint.populate(mount, 256 * 1024);
        Files.writeString(code.resolve("app.py"), "print('hello')\n");
        Map<String, Object> environment = Map.of("name", name, "type", "production", "status", "active",
                "services", List.of(Map.of("name", "database", "type", "postgresql", "connection", Map.of(
                        "host", TestInfra.postgresHost(), "port", Integer.toString(TestInfra.postgresPort()),
                        "database", db, "user", TestInfra.postgresUser(), "password", "unused"))),
                "mounts", List.of(Map.of("name", "uploads", "path", mount.toString())),
                "code", Map.of("commit", COMMIT, "path", code.toString()));
        Api.Response response = api.post("/projects/" + project + "/environments", environment);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }
}
