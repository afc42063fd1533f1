package io.lifeboat.system;

import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five services as five JVMs started with {@code java -jar}, against the same broker: proof that they
 * are separate microservices that share nothing but Kafka topics and object storage.
 */
class SeparateProcessesSystemTests {

    @Test
    void fiveJvmsBackUpAndRestoreThroughTheGateway() throws Exception {
        Environment env = null;
        try (StackFixture fixture = new StackFixture();
             ServiceProcesses services = new ServiceProcesses(fixture.properties, Path.of("target", "system-logs"))) {
            assertThat(services.processes()).hasSize(5).allSatisfy((name, process) -> {
                assertThat(process.isAlive()).isTrue();
                assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            });
            EndToEndIntegrationTests.api = new Api(services.gatewayUrl(), StackFixture.TOKEN);
            String project = EndToEndIntegrationTests.registerProject();
            env = Environment.create(fixture.dir(project), "main", 5_000);
            Api api = EndToEndIntegrationTests.api;
            assertThat(api.post("/projects/" + project + "/environments", env.request()).status()).isEqualTo(201);
            Map<String, String> database = PgFingerprint.of(env.database());
            Map<String, String> files = TreeFingerprint.of(env.mount());

            JsonNode backup = EndToEndIntegrationTests.backup(project, "main");
            EndToEndIntegrationTests.destroy(env);
            EndToEndIntegrationTests.restore(project, "main", backup.path("id").asString(), Map.of());

            assertThat(PgFingerprint.of(env.database())).isEqualTo(database);
            assertThat(TreeFingerprint.of(env.mount())).isEqualTo(files);
            for (String service : ServiceProcesses.SERVICES) {
                assertThat(services.log(service)).doesNotContain("s3cr3t-test-password")
                        .doesNotContain(StackFixture.TOKEN).contains("Started");
            }
        } finally {
            if (env != null) {
                PgFixtures.drop(env.database());
            }
        }
    }
}
