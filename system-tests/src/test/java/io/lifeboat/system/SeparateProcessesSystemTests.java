package io.lifeboat.system;

import io.lifeboat.testing.MariaDbFixtures;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.RedisFingerprint;
import io.lifeboat.testing.RedisServer;
import io.lifeboat.testing.TestInfra;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five services as five JVMs started with {@code java -jar} from their packaged jars, against the same
 * broker: proof that they are separate microservices that share nothing but Kafka topics and object
 * storage, and that what ships (not the test classpath) backs up and restores every service type.
 */
class SeparateProcessesSystemTests {

    @Test
    void fiveJvmsBackUpAndRestoreEveryServiceTypeThroughTheGateway() throws Exception {
        Environment env = null;
        String maria = PgFixtures.uniqueName("lb_sys_maria");
        try (RedisServer redis = RedisServer.start();
             StackFixture fixture = new StackFixture().with(Map.of("lifeboat.restore.lease", "15s",
                     "lifeboat.restore.lease-renewal", "3s", "lifeboat.restore.reaper-millis", "2000"));
             ServiceProcesses services = new ServiceProcesses(fixture.properties, Path.of("target", "system-logs"))) {
            MariaDbFixtures.create(maria, 2_000);
            try (Jedis jedis = redis.client()) {
                RedisFingerprint.populate(jedis, 500);
            }
            assertThat(services.processes()).hasSize(5).allSatisfy((name, process) -> {
                assertThat(process.isAlive()).isTrue();
                assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            });
            EndToEndIntegrationTests.api = new Api(services.gatewayUrl(), StackFixture.TOKEN);
            String project = EndToEndIntegrationTests.registerProject();
            env = Environment.create(fixture.dir(project), "main", 5_000);
            Api api = EndToEndIntegrationTests.api;
            assertThat(api.post("/projects/" + project + "/environments", everyType(env, maria, redis)).status())
                    .isEqualTo(201);
            Map<String, String> database = PgFingerprint.of(env.database());
            Map<String, String> shop = MariaDbFixtures.fingerprint(maria);
            Map<String, String> cache;
            try (Jedis jedis = redis.client()) {
                cache = RedisFingerprint.of(jedis);
            }
            Map<String, String> files = TreeFingerprint.of(env.mount());
            Map<String, String> code = TreeFingerprint.of(env.code());

            JsonNode backup = EndToEndIntegrationTests.backup(project, "main");
            assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
            EndToEndIntegrationTests.destroy(env);
            try (Connection c = MariaDbFixtures.connect(maria); Statement s = c.createStatement()) {
                s.execute("DROP VIEW expensive_names; DROP TRIGGER products_audit; DELETE FROM audit;"
                        + " UPDATE products SET price = 0; CREATE TABLE intruder (x INT)");
            }
            try (Jedis jedis = redis.client()) {
                jedis.flushAll();
                jedis.set("not-in-backup", "x");
            }
            EndToEndIntegrationTests.restore(project, "main", backup.path("id").asString(), Map.of());

            assertThat(PgFingerprint.of(env.database())).isEqualTo(database);
            assertThat(MariaDbFixtures.fingerprint(maria)).isEqualTo(shop);
            try (Jedis jedis = redis.client()) {
                assertThat(RedisFingerprint.of(jedis)).isEqualTo(cache);
            }
            assertThat(TreeFingerprint.of(env.mount())).isEqualTo(files);
            assertThat(TreeFingerprint.of(env.code())).isEqualTo(code);
            intoAnotherEnvironment(fixture, project, backup.path("id").asString(), Map.of("database", database,
                    "shop", shop, "cache", cache, "files", files, "code", code));
            killedBetweenTwoSwitchOvers(services, project, backup.path("id").asString(), env, maria, redis);
            for (String service : ServiceProcesses.SERVICES) {
                assertThat(services.log(service)).doesNotContain("s3cr3t-test-password")
                        .doesNotContain(StackFixture.TOKEN).contains("Started");
            }
        } finally {
            if (env != null) {
                PgFixtures.drop(env.database());
            }
            MariaDbFixtures.drop(maria);
        }
    }

    /**
     * Every part restores into another environment (its own database names, Redis server and paths), with the
     * fidelity report's counts matching the target's own catalog.
     */
    private static void intoAnotherEnvironment(StackFixture fixture, String project, String backupId,
                                               Map<String, Map<String, String>> backedUp) throws Exception {
        Environment target = Environment.empty(fixture.dir(project), "staging");
        String maria = PgFixtures.uniqueName("lb_sys_maria_staging");
        Api api = EndToEndIntegrationTests.api;
        try (RedisServer redis = RedisServer.start()) {
            assertThat(api.post("/projects/" + project + "/environments", everyType(target, maria, redis)).status())
                    .isEqualTo(201);
            JsonNode restore = EndToEndIntegrationTests.restore(project, "main", backupId,
                    Map.of("environment_name", "staging"));
            assertThat(fingerprints(target, maria, redis)).isEqualTo(backedUp);
            Map<String, JsonNode> parts = new java.util.HashMap<>();
            restore.path("parts").forEach(part -> parts.put(part.path("name").asString(), part.path("objects")));
            assertThat(parts.keySet()).containsExactlyInAnyOrder("database", "shop", "cache", "uploads", "code");
            try (Connection c = PgFixtures.connect(target.database()); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_type = "
                         + "'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                rs.next();
                assertThat(parts.get("database").path("tables").asLong()).isEqualTo(rs.getLong(1)).isPositive();
            }
            try (Connection c = MariaDbFixtures.connect(maria); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM information_schema.routines WHERE routine_schema = "
                         + "database()")) {
                rs.next();
                assertThat(parts.get("shop").path("routines").asLong()).isEqualTo(rs.getLong(1)).isPositive();
            }
            try (Jedis jedis = redis.client()) {
                long keys = 0;
                for (int db = 0; db < 16; db++) {
                    jedis.select(db);
                    keys += jedis.dbSize();
                }
                assertThat(parts.get("cache").path("keys").asLong()).isEqualTo(keys).isPositive();
            }
        } finally {
            PgFixtures.drop(target.database());
            MariaDbFixtures.drop(maria);
        }
    }

    /**
     * The restore worker is killed while MariaDB's switch-over waits for a table that an open transaction holds
     * (staging does not touch the live tables), after Redis, the code and PostgreSQL switched (parts switch in
     * name order): restarted, it switches all four back,
     * and every part is as it was before.
     */
    private static void killedBetweenTwoSwitchOvers(ServiceProcesses services, String project, String backupId,
                                                    Environment env, String maria, RedisServer redis) throws Exception {
        EndToEndIntegrationTests.destroy(env);
        try (Jedis jedis = redis.client()) {
            jedis.set("written-after-the-backup", "y");
        }
        Map<String, Map<String, String>> before = fingerprints(env, maria, redis);
        Api api = EndToEndIntegrationTests.api;
        String path;
        try (Connection lock = MariaDbFixtures.connect(maria); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.executeQuery("SELECT * FROM products LIMIT 1").close();
            Api.Response accepted = api.post("/projects/" + project + "/environments/main/backups/" + backupId
                    + "/restore", Map.of());
            assertThat(accepted.status()).isEqualTo(202);
            path = "/projects/" + project + "/restores/" + accepted.body().path("id").asString();
            await().atMost(Duration.ofMinutes(3)).until(() -> waitingForTheLock(s));
            assertThat(PgFingerprint.of(env.database())).isNotEqualTo(before.get("database"));
            services.kill("restore-worker");
            lock.rollback();
        }
        services.restart("restore-worker");
        JsonNode restore = api.awaitEnd(path);
        assertThat(restore.path("status").asString()).as(restore.toString()).isEqualTo("FAILED");
        assertThat(restore.path("target_state").asString()).isEqualTo("unchanged");
        assertThat(restore.path("error").asString()).contains("switched back");
        assertThat(fingerprints(env, maria, redis)).isEqualTo(before);
    }

    private static boolean waitingForTheLock(Statement s) throws java.sql.SQLException {
        try (var rs = s.executeQuery("SELECT count(*) FROM information_schema.processlist "
                + "WHERE state = 'Waiting for table metadata lock'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static Map<String, Map<String, String>> fingerprints(Environment env, String maria, RedisServer redis)
            throws Exception {
        try (Jedis jedis = redis.client()) {
            return Map.of("database", PgFingerprint.of(env.database()), "shop", MariaDbFixtures.fingerprint(maria),
                    "cache", RedisFingerprint.of(jedis), "files", TreeFingerprint.of(env.mount()),
                    "code", TreeFingerprint.of(env.code()));
        }
    }

    private static Map<String, Object> everyType(Environment env, String maria, RedisServer redis) {
        return Map.of(
                "name", env.name(),
                "type", "production",
                "status", "active",
                "services", List.of(
                        Map.of("name", "database", "type", "postgresql", "connection", Map.of(
                                "host", TestInfra.postgresHost(), "port", Integer.toString(TestInfra.postgresPort()),
                                "database", env.database(), "user", TestInfra.postgresUser(),
                                "password", "s3cr3t-test-password")),
                        Map.of("name", "shop", "type", "mariadb", "connection", Map.of(
                                "host", MariaDbFixtures.host(), "port", Integer.toString(MariaDbFixtures.port()),
                                "database", maria, "user", MariaDbFixtures.user())),
                        Map.of("name", "cache", "type", "redis", "connection", Map.of(
                                "host", "127.0.0.1", "port", Integer.toString(redis.port())))),
                "mounts", List.of(Map.of("name", "uploads", "path", env.mount().toString())),
                "code", Map.of("commit", env.commit(), "path", env.code().toString()));
    }
}
