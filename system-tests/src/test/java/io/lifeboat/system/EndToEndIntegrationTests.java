package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five services in this JVM, on real Kafka, PostgreSQL and S3: a whole environment is backed up,
 * destroyed and restored, and compared by content.
 */
class EndToEndIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        stack = fixture.start();
        api = new Api(stack.gatewayUrl(), StackFixture.TOKEN);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
        assertThat(LogCapture.lines()).isNotEmpty().noneSatisfy(line -> assertThat(line)
                .containsAnyOf("s3cr3t-test-password", StackFixture.TOKEN, "security password"));
    }

    @Test
    void aBackupRestoresTheWholeEnvironmentAfterItsDataIsDestroyed() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 50_000);
        try {
            assertThat(api.post("/projects/" + project + "/environments", env.request()).status()).isEqualTo(201);
            Map<String, String> database = PgFingerprint.of(env.database());
            Map<String, String> files = TreeFingerprint.of(env.mount());
            Map<String, String> code = TreeFingerprint.of(env.code());

            JsonNode backup = backup(project, "main");
            assertThat(backup.path("restorable").asBoolean()).isTrue();
            assertThat(backup.path("safe").asBoolean()).isTrue();
            assertThat(backup.path("automated").asBoolean()).isFalse();
            assertThat(backup.path("commit_id").asString()).isEqualTo(env.commit());
            assertThat(backup.path("size_of_volumes").asLong()).isGreaterThan(20L * 1024 * 1024);
            assertThat(backup.path("completed_at").isNull()).isFalse();
            assertThat(backup.path("services")).hasSize(3)
                    .allSatisfy(part -> assertThat(part.path("status").asString()).isEqualTo("COMPLETED"));

            destroy(env);
            assertThat(PgFingerprint.of(env.database())).isNotEqualTo(database);
            assertThat(TreeFingerprint.of(env.mount())).isNotEqualTo(files);

            JsonNode restore = restore(project, "main", backup.path("id").asString(), Map.of("restore_code", true));
            assertThat(restore.path("commit_id").asString()).isEqualTo(env.commit());
            assertThat(restore.path("code_note").asString()).contains("never changes your git repository");
            assertThat(PgFingerprint.of(env.database())).isEqualTo(database);
            assertThat(TreeFingerprint.of(env.mount())).isEqualTo(files);
            assertThat(TreeFingerprint.of(env.code())).isEqualTo(code);

            JsonNode listed = api.get("/projects/" + project + "/environments/main/backups").body();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("id").asString()).isEqualTo(backup.path("id").asString());
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    @Test
    void aBackupRestoresIntoAnotherEnvironment() throws Exception {
        String project = registerProject();
        Environment source = Environment.create(fixture.dir(project).resolve("source"), "main", 5_000);
        Environment target = Environment.empty(fixture.dir(project).resolve("target"), "staging");
        try {
            assertThat(api.post("/projects/" + project + "/environments", source.request()).status()).isEqualTo(201);
            assertThat(api.post("/projects/" + project + "/environments", target.request()).status()).isEqualTo(201);
            JsonNode backup = backup(project, "main");

            restore(project, "main", backup.path("id").asString(), Map.of("environment_name", "staging"));

            assertThat(PgFingerprint.of(target.database())).isEqualTo(PgFingerprint.of(source.database()));
            assertThat(TreeFingerprint.of(target.mount())).isEqualTo(TreeFingerprint.of(source.mount()));
            assertThat(TreeFingerprint.of(target.code())).isEqualTo(TreeFingerprint.of(source.code()));
        } finally {
            PgFixtures.drop(source.database());
            PgFixtures.drop(target.database());
        }
    }

    @Test
    void aBackupRestoresIntoANewEnvironmentBranchedFromAnother() throws Exception {
        String project = registerProject();
        Environment source = Environment.create(fixture.dir(project).resolve("source"), "main", 2_000);
        String branchDatabase = source.database() + "_preview";
        try {
            assertThat(api.post("/projects/" + project + "/environments", source.request()).status()).isEqualTo(201);
            JsonNode backup = backup(project, "main");

            JsonNode restored = restore(project, "main", backup.path("id").asString(),
                    Map.of("environment_name", "preview", "branch_from", "main"));

            assertThat(restored.path("environment").asString()).isEqualTo("preview");
            JsonNode branch = api.get("/projects/" + project + "/environments/preview").body();
            assertThat(branch.path("type").asString()).isEqualTo("staging");
            assertThat(branch.path("services").get(0).path("connection").path("database").asString())
                    .isEqualTo(branchDatabase);
            assertThat(PgFingerprint.of(branchDatabase)).isEqualTo(PgFingerprint.of(source.database()));
            assertThat(TreeFingerprint.of(Path.of(source.mount() + "-preview")))
                    .isEqualTo(TreeFingerprint.of(source.mount()));
            assertThat(TreeFingerprint.of(Path.of(source.code() + "-preview")))
                    .isEqualTo(TreeFingerprint.of(source.code()));
        } finally {
            PgFixtures.drop(source.database());
            PgFixtures.drop(branchDatabase);
        }
    }

    @Test
    void inactiveEnvironmentsCannotBeBackedUpNorRestoredInto() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 100);
        try {
            api.post("/projects/" + project + "/environments", env.request());
            JsonNode backup = backup(project, "main");
            assertThat(api.post("/projects/" + project + "/environments/main/deactivate", null).status())
                    .isEqualTo(200);

            Api.Response refused = api.post("/projects/" + project + "/environments/main/backups",
                    Map.of("safe", true));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("detail").asString()).contains("activate the environment first");
            Api.Response restore = api.post("/projects/" + project + "/environments/main/backups/"
                    + backup.path("id").asString() + "/restore", Map.of());
            assertThat(restore.status()).isEqualTo(409);
            assertThat(api.get("/projects/" + project + "/environments/main/backups").body()).hasSize(1);
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    @Test
    void everyEndpointRequiresTheToken() {
        Api anonymous = new Api(stack.gatewayUrl(), null);
        Api wrong = new Api(stack.gatewayUrl(), "not-the-token-at-all");
        for (Api client : new Api[] {anonymous, wrong}) {
            Api.Response response = client.get("/projects/anything/environments/main/backups");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(client.post("/projects", Demo.project("sneaky")).status()).isEqualTo(401);
        }
        assertThat(api.get("/projects/sneaky").status()).isEqualTo(404);
    }

    @Test
    void credentialsAreNeverReturned() throws Exception {
        String project = registerProject();
        Environment env = Environment.empty(fixture.dir(project), "main");
        Api.Response created = api.post("/projects/" + project + "/environments", env.request());
        Api.Response read = api.get("/projects/" + project + "/environments/main");
        for (Api.Response response : new Api.Response[] {created, read}) {
            assertThat(response.body().toString()).doesNotContain("s3cr3t-test-password");
            assertThat(response.body().path("services").get(0).path("password_set").asBoolean()).isTrue();
        }
    }

    @Test
    void malformedEventsAreDeadLetteredAndNeverBlockThePartition() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 100);
        try {
            api.post("/projects/" + project + "/environments", env.request());
            String namespace = fixture.properties.get("lifeboat.kafka.namespace");
            List<String> malformed = List.of("{not json", "{\"type\":\"backup.requested\",\"schema_version\":99}",
                    "{\"type\":\"backup.requested\",\"schema_version\":1,\"backup_id\":\"x\"}");
            try (DeadLetters deadLetters = new DeadLetters(namespace)) {
                deadLetters.send(namespace + "lifeboat.backup-requests.v1", project + "/main", malformed);
                deadLetters.send(namespace + "lifeboat.snapshot-tasks.postgresql.v1", project + "/main",
                        List.of("[\"a task that is not an object\"]"));
                JsonNode backup = backup(project, "main");
                assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
                List<DeadLetters.Letter> letters = deadLetters.received(4);
                assertThat(letters).extracting(DeadLetters.Letter::value)
                        .containsAll(malformed).contains("[\"a task that is not an object\"]");
                assertThat(letters).allSatisfy(letter -> assertThat(letter.error()).isNotBlank());
                assertThat(letters).extracting(DeadLetters.Letter::originalTopic).contains(
                        namespace + "lifeboat.backup-requests.v1", namespace + "lifeboat.snapshot-tasks.postgresql.v1");
            }
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    @Test
    void verificationRereadsTheDataAndRecordsItsResultOnTheBackup() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 1_000);
        try {
            api.post("/projects/" + project + "/environments", env.request());
            String path = "/projects/" + project + "/environments/main/backups/" + backup(project, "main")
                    .path("id").asString();
            assertThat(api.post(path + "/verify", Map.of("sample", 1.0)).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(1)).until(() -> !api.get(path).body().path("verification")
                    .path("status").asString().equals("RUNNING"));
            JsonNode verification = api.get(path).body().path("verification");
            assertThat(verification.path("status").asString()).as(verification.toString()).isEqualTo("PASSED");
            assertThat(verification.path("chunks_checked").asLong()).isPositive();
            assertThat(verification.path("bytes_checked").asLong()).isGreaterThan(20L * 1024 * 1024);
            assertThat(api.post(path + "/verify", Map.of("sample", 2)).status()).isEqualTo(400);
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    @Test
    void theListOfBackupsIsRebuiltFromObjectStorageAloneAfterTheCatalogIsLost() throws Exception {
        String project = registerProject();
        Environment env = Environment.create(fixture.dir(project), "main", 1_000);
        try {
            api.post("/projects/" + project + "/environments", env.request());
            JsonNode backup = backup(project, "main");
            String list = "/projects/" + project + "/environments/main/backups";
            try (Connection c = PgFixtures.connect(fixture.catalog); Statement s = c.createStatement()) {
                s.execute("DELETE FROM gateway.backups");
            }
            assertThat(api.get(list).body()).isEmpty();

            Stack.start(io.lifeboat.retention.RetentionServiceApplication.builder(), fixture.properties,
                    "lifeboat.recover-catalog=true", "spring.main.web-application-type=none");

            await().atMost(Duration.ofMinutes(1)).until(() -> api.get(list).body(), body -> body.size() == 1);
            JsonNode recovered = api.get(list).body().get(0);
            for (String field : List.of("id", "status", "commit_id", "safe", "automated", "restorable",
                    "size_of_volumes")) {
                assertThat(recovered.path(field)).as(field).isEqualTo(backup.path(field));
            }
            assertThat(recovered.path("services")).hasSize(3);
        } finally {
            PgFixtures.drop(env.database());
        }
    }

    static String registerProject() {
        String project = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/projects", Demo.project(project)).status()).isEqualTo(201);
        return project;
    }

    static JsonNode backup(String project, String environment) {
        Api.Response accepted = api.post("/projects/" + project + "/environments/" + environment + "/backups",
                Map.of("safe", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String path = "/projects/" + project + "/environments/" + environment + "/backups/"
                + accepted.body().path("id").asString();
        JsonNode backup = api.awaitEnd(path);
        assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("COMPLETED");
        return backup;
    }

    static JsonNode restore(String project, String environment, String backupId, Map<String, Object> body) {
        Api.Response accepted = api.post("/projects/" + project + "/environments/" + environment + "/backups/"
                + backupId + "/restore", body);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String path = "/projects/" + project + "/restores/" + accepted.body().path("id").asString();
        JsonNode restore = api.awaitEnd(path);
        assertThat(restore.path("status").asString()).as(restore.toString()).isEqualTo("COMPLETED");
        return restore;
    }

    static void destroy(Environment env) throws Exception {
        try (Connection c = PgFixtures.connect(env.database()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; DROP SCHEMA billing CASCADE; CREATE SCHEMA public;"
                    + "CREATE TABLE intruder (x int); SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
        }
        try (Stream<Path> files = Files.walk(env.mount())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(env.mount().resolve("not-in-backup.txt"), "x");
        Files.writeString(env.code().resolve("app.py"), "broken = True\n");
    }
}
