package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parts report from the moment they are accepted: one that waits for a streaming slot (here, one slot for
 * four mounts, and a silence limit shorter than streaming the others) is not taken for a dead worker.
 */
class PartHeartbeatIntegrationTests {

    static StackFixture fixture;
    static Stack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        fixture.properties.put("lifeboat.snapshot.parallel-parts", "1");
        fixture.properties.put("lifeboat.snapshot.heartbeat-interval", "200ms");
        fixture.properties.put("lifeboat.snapshot.heartbeat-timeout", "2s");
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
    void aPartWaitingForAStreamingSlotKeepsReportingAndTheBackupCompletes() throws Exception {
        String project = EndToEndIntegrationTests.registerProject();
        Path dir = fixture.dir(project);
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("app.py"), "print('hi')\n");
        Map<String, Object> request = new HashMap<>(Demo.filesOnly("main", Files.createDirectories(dir.resolve("m0")),
                code));
        List<Map<String, String>> mounts = new java.util.ArrayList<>();
        Map<Path, Map<String, String>> before = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            Path mount = Files.createDirectories(dir.resolve("mount" + i));
            TreeFingerprint.populate(mount, 24 * 1024 * 1024);
            before.put(mount, TreeFingerprint.of(mount));
            mounts.add(Map.of("name", "uploads" + i, "path", mount.toString()));
        }
        request.put("mounts", mounts);
        assertThat(api.post("/projects/" + project + "/environments", request).status()).isEqualTo(201);

        JsonNode backup = EndToEndIntegrationTests.backup(project, "main");
        assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
        for (Map.Entry<Path, Map<String, String>> mount : before.entrySet()) {
            try (var files = Files.walk(mount.getKey())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
        EndToEndIntegrationTests.restore(project, "main", backup.path("id").asString(), Map.of());
        for (Map.Entry<Path, Map<String, String>> mount : before.entrySet()) {
            assertThat(TreeFingerprint.of(mount.getKey())).isEqualTo(mount.getValue());
        }
    }
}
