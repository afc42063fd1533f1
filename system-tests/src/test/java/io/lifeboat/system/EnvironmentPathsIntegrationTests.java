package io.lifeboat.system;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.platform.PlatformEnvironmentUpserted;
import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mounts and code are confined to their project's file roots ({@code lifeboat.files.roots}): a path outside
 * them is refused at registration, by the API and from the platform, and the refusal changes nothing.
 */
class EnvironmentPathsIntegrationTests {

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
    }

    @Test
    void pathsOutsideTheProjectsRootAreRefusedNamingTheField() throws Exception {
        String project = project(api);
        String other = project(api);
        Path mine = fixture.dir(project);
        Path theirs = Files.createDirectories(fixture.dir(other).resolve("uploads"));
        Files.createDirectories(fixture.files.resolve(project + "x/uploads"));
        Map<String, String> refused = Map.of(
                theirs.toString(), "mounts[0].path",
                mine + "/../" + other + "/uploads", "mounts[0].path",
                fixture.files + "/" + project + "x/uploads", "mounts[0].path",
                mine.toString(), "mounts[0].path",
                fixture.files.resolve("secrets.properties").toString(), "mounts[0].path");
        for (var path : refused.entrySet()) {
            assertRefused(api.post("/projects/" + project + "/environments",
                    Demo.filesOnly("main", Path.of(path.getKey()), mine.resolve("code"))), path.getValue());
        }
        assertRefused(api.post("/projects/" + project + "/environments",
                Demo.filesOnly("main", mine.resolve("uploads"), theirs)), "code.path");
        assertThat(api.get("/projects/" + project + "/environments/main").status()).isEqualTo(404);
        assertUnchanged(project, List.of());
    }

    @Test
    void aRefusedUpdateLeavesTheEnvironmentAsItWas() throws Exception {
        String project = project(api);
        String other = project(api);
        Path mine = fixture.dir(project);
        Map<String, Object> valid = Demo.filesOnly("main", mine.resolve("uploads"), mine.resolve("code"));
        assertThat(api.post("/projects/" + project + "/environments", valid).status()).isEqualTo(201);
        JsonNode before = api.get("/projects/" + project + "/environments/main").body();

        assertRefused(api.send("PUT", "/projects/" + project + "/environments/main", Demo.filesOnly("main",
                mine.resolve("uploads/../../" + other + "/uploads"), mine.resolve("code"))), "mounts[0].path");
        assertRefused(api.send("PUT", "/projects/" + project + "/environments/main", Demo.filesOnly("main",
                mine.resolve("uploads"), fixture.dir(other).resolve("code"))), "code.path");

        JsonNode after = api.get("/projects/" + project + "/environments/main").body();
        assertThat(after.path("mounts")).isEqualTo(before.path("mounts"));
        assertThat(after.path("code")).isEqualTo(before.path("code"));
        assertThat(after.path("updated_at")).isEqualTo(before.path("updated_at"));
        assertUnchanged(project, List.of("environment.created"));
    }

    @Test
    void thePlatformCannotRegisterPathsOutsideTheRootEither() throws Exception {
        String project = project(api);
        String other = project(api);
        EnvironmentRef ref = new EnvironmentRef(project, "preview");
        try (Platform platform = new Platform(fixture.properties.get("lifeboat.kafka.namespace"))) {
            platform.send(upsert(ref, "c0ffee01", fixture.dir(project).resolve("uploads")));
            awaitCommit(project, "c0ffee01");
            platform.send(upsert(ref, "c0ffee02", fixture.dir(other).resolve("uploads")));
            platform.send(upsert(ref, "c0ffee03", fixture.dir(project).resolve("uploads")));
            awaitCommit(project, "c0ffee03");
        }
        assertThat(catalog("SELECT action FROM gateway.audit WHERE target = 'project/" + project
                + "/environment/preview' ORDER BY id")).containsExactly("environment.registered-by-platform",
                "environment.registered-by-platform");
        assertThat(api.get("/projects/" + project + "/environments/preview").body().toString())
                .doesNotContain(other);
    }

    @Test
    void withoutRootsEveryFilePathIsRefusedSayingWhatToSet() throws Exception {
        try (StackFixture bare = new StackFixture()) {
            bare.properties.put("lifeboat.files.roots", "");
            Api client = new Api(bare.start().gatewayUrl(), StackFixture.TOKEN);
            String project = project(client);
            Path mine = bare.dir(project);
            Api.Response response = client.post("/projects/" + project + "/environments",
                    Demo.filesOnly("main", mine.resolve("uploads"), mine.resolve("code")));
            assertRefused(response, "mounts[0].path");
            assertThat(response.body().path("detail").asString()).contains("set lifeboat.files.roots");
            assertThat(client.get("/projects/" + project + "/environments/main").status()).isEqualTo(404);
        }
    }

    static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("field").asString()).as(response.body().toString()).isEqualTo(field);
    }

    /** Nothing but {@code audited} was recorded, and nothing was backed up or restored. */
    static void assertUnchanged(String project, List<String> audited) throws Exception {
        assertThat(catalog("SELECT action FROM gateway.audit WHERE target LIKE 'project/" + project
                + "/environment/%' ORDER BY id")).isEqualTo(audited);
        assertThat(catalog("SELECT id FROM gateway.backups WHERE project_id = '" + project + "'")).isEmpty();
        assertThat(catalog("SELECT id FROM gateway.restores WHERE project_id = '" + project + "'")).isEmpty();
    }

    static PlatformEnvironmentUpserted upsert(EnvironmentRef ref, String commit, Path mount) {
        return new PlatformEnvironmentUpserted(Ids.eventId(), Instant.now(), ref, "staging", "active", commit,
                List.of(new PartSpec("uploads", "mount", Map.of("path", mount.toString()), null),
                        new PartSpec("code", "code", Map.of("commit", commit), null)));
    }

    static void awaitCommit(String project, String commit) {
        await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/projects/" + project
                + "/environments/preview").body().path("code").path("commit").asString(), commit::equals);
    }

    static String project(Api client) {
        String id = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post("/projects", Demo.project(id)).status()).isEqualTo(201);
        return id;
    }

    static List<String> catalog(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = PgFixtures.connect(fixture.catalog); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
