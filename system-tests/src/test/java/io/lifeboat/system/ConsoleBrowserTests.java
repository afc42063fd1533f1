package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: {@code browser-tests/console.mjs} drives it in headless Chromium
 * (playwright-core) against the whole stack in this JVM, as a user would: no token, then an admin's token
 * pasted with the keyboard, an environment picked, a live backup watched to completion on its progress bar,
 * restored, the schedule upgraded, refusals read (a downgrade, an inactive environment), then a viewer and
 * an outsider. The script compares each refusal the page shows with the API's own answer; this test then checks
 * through the API and the data that what the console asked for happened.
 *
 * <p>With {@code -Dlifeboat.writeScreenshots=true} the screenshots go to {@code docs/}, else to target/.
 */
class ConsoleBrowserTests {

    @Test
    void aUserBacksUpRestoresAndChangesTheScheduleInTheBrowser() throws Exception {
        BrowserTools.require();
        try (StackFixture fixture = new StackFixture().with(Map.of(
                // the stream's headers go out with its first event or heartbeat: the script waits for "live"
                "lifeboat.gateway.activity-heartbeat", "1s"))) {
            Stack stack = fixture.start();
            String url = stack.gatewayUrl();
            Api root = new Api(url, StackFixture.TOKEN);
            ActivityStreamIntegrationTests.awaitActivityConsumerAssigned(fixture.properties.get("lifeboat.kafka.namespace"));

            String project = "console" + fixture.id;
            assertThat(root.post("/projects", Demo.project(project)).status()).isEqualTo(201);
            Environment env = Environment.create(fixture.dir(project), "main", 100);
            try {
                assertThat(root.post("/projects/" + project + "/environments", env.request()).status()).isEqualTo(201);
                Path idle = fixture.dir(project);
                Map<String, Object> inactive = new HashMap<>(Demo.filesOnly("idle", Files.createDirectories(
                        idle.resolve("mount-idle")), Files.createDirectories(idle.resolve("code-idle"))));
                inactive.put("status", "inactive");
                assertThat(root.post("/projects/" + project + "/environments", inactive).status()).isEqualTo(201);
                String admin = token(root, project, "admin");
                String viewer = token(root, project, "viewer");
                String outsider = token(root, null, null);
                Map<String, String> mount = TreeFingerprint.of(env.mount());
                Map<String, String> database = PgFingerprint.of(env.database());

                Path shots = Boolean.getBoolean("lifeboat.writeScreenshots") ? BrowserTools.DIR.resolveSibling("docs")
                        : Path.of("target", "console-screenshots").toAbsolutePath();
                BrowserTools.Result run = BrowserTools.run(List.of("node", "console.mjs"), BrowserTools.DIR,
                        Duration.ofMinutes(3), Map.of("LB_URL", url, "LB_PROJECT", project, "LB_ENVIRONMENT", "main",
                                "LB_INACTIVE_ENVIRONMENT", "idle", "LB_ADMIN_TOKEN", admin, "LB_VIEWER_TOKEN", viewer,
                                "LB_OUTSIDER_TOKEN", outsider, "LB_MOUNT", env.mount().toString(),
                                "LB_SCREENSHOTS", shots.toString(), "LB_FAILURE_DIR", Path.of("target").toAbsolutePath()
                                        .toString()));
                System.out.println(run.output());
                assertThat(run.code()).as(run.output()).isZero();
                assertThat(run.output()).contains("ok - take a backup and see it complete with its progress",
                        "ok - restore it", "ok - upgrade the schedule", "ok - see a refused action's message",
                        "ok - a caller with no token gets the API's 401", "ok - a viewer gets the API's 403");

                JsonNode result = Api.JSON.readTree(run.output().lines().filter(l -> l.startsWith("RESULT "))
                        .findFirst().orElseThrow().substring("RESULT ".length()));
                JsonNode backup = root.get("/projects/" + project + "/environments/main/backups/"
                        + result.path("backup").asString()).body();
                assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
                assertThat(backup.path("safe").asBoolean()).as("taken with Run live backup").isFalse();
                JsonNode restore = root.get("/projects/" + project + "/restores/" + result.path("restore").asString())
                        .body();
                assertThat(restore.path("status").asString()).isEqualTo("COMPLETED");
                assertThat(restore.path("backup_id").asString()).isEqualTo(backup.path("id").asString());
                assertThat(restore.path("environment").asString()).isEqualTo("main");
                // the script wrote a file into the mount after the backup: the restore took the data back to it
                assertThat(TreeFingerprint.of(env.mount())).isEqualTo(mount);
                assertThat(PgFingerprint.of(env.database())).isEqualTo(database);
                assertThat(root.get("/projects/" + project + "/backup-schedule").body().path("schedule").asString())
                        .as("upgraded, and not downgraded by the refused attempt").isEqualTo("premium");
                // the viewer's and the inactive environment's refused backups changed nothing
                assertThat(root.get("/projects/" + project + "/environments/main/backups").body().valueStream()
                        .filter(b -> !b.path("automated").asBoolean()).map(b -> b.path("id").asString()))
                        .containsExactly(backup.path("id").asString());
                assertThat(root.get("/projects/" + project + "/environments/idle/backups").body()).isEmpty();
                assertThat(LogCapture.lines()).noneSatisfy(line -> assertThat(line)
                        .containsAnyOf(admin, viewer, outsider, "s3cr3t-test-password"));
            } finally {
                PgFixtures.drop(env.database());
            }
        }
    }

    /** A new user's token, a member of the project with this role (or of none). */
    private static String token(Api root, String project, String role) {
        Api.Response user = root.post("/users", Map.of("name", (role == null ? "outsider" : role) + "-" + project));
        assertThat(user.status()).as(user.body().toString()).isEqualTo(201);
        String id = user.body().path("id").asString();
        if (role != null) {
            assertThat(root.send("PUT", "/projects/" + project + "/members/" + id, Map.of("role", role)).status())
                    .isEqualTo(200);
        }
        Api.Response token = root.post("/users/" + id + "/tokens", Map.of("name", "console"));
        assertThat(token.status()).as(token.body().toString()).isEqualTo(201);
        return token.body().path("token").asString();
    }
}
