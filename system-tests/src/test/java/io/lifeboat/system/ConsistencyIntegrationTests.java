package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.MariaDbFixtures;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.RedisServer;
import io.lifeboat.testing.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One cut across PostgreSQL, MariaDB, Redis and a mount, proven with a writing workload: each request n
 * writes row n to both databases, key n to Redis and file n to the mount. After a consistent backup is
 * restored elsewhere, the set of n is the same in all four, the workload saw no error (held, never dropped)
 * and went on after the backup (the hold was released). The hold's duration and the latencies are written to
 * target/consistency-*.json for bench/hold.sh and docs/benchmarks.md; no test asserts a duration. The data
 * size comes from {@code -Dlifeboat.consistency.mib} (16 by default; bench/hold.sh runs it with 100 and 1024).
 */
class ConsistencyIntegrationTests {

    static final int MIB = Integer.getInteger("lifeboat.consistency.mib", 16);

    static StackFixture fixture;
    static Stack stack;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        fixture = new StackFixture();
        fixture.properties.put("lifeboat.snapshot.hold-deadline", "10s");
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
    void aConsistentBackupIsOneCutAcrossEveryServiceHoldingRequestsWithoutDroppingThem() throws Exception {
        String project = EndToEndIntegrationTests.registerProject();
        try (Env source = Env.create(fixture.dir(project).resolve("source"), MIB);
             Env target = Env.empty(fixture.dir(project).resolve("target"));
             WorkloadApp app = new WorkloadApp(source.pg, source.maria, source.redis.port(), source.mount)) {
            assertThat(api.post("/projects/" + project + "/environments", source.request("main", app.url())).status())
                    .isEqualTo(201);
            assertThat(api.post("/projects/" + project + "/environments", target.request("copy", null)).status())
                    .isEqualTo(201);
            JsonNode backup;
            long worstDuringBackup;
            long worstOutside;
            long requests;
            long errors;
            try (WorkloadDriver workload = new WorkloadDriver(app.url(), 4)) {
                await().atMost(Duration.ofMinutes(2)).until(() -> workload.requests() > 200);
                long from = workload.nowMillis();
                backup = EndToEndIntegrationTests.backup(project, "main");
                long to = workload.nowMillis();
                long after = workload.requests();
                await().atMost(Duration.ofMinutes(2)).until(() -> workload.requests() > after + 100);
                worstDuringBackup = workload.worstLatencyBetween(from, to);
                worstOutside = workload.worstLatencyOutside(from, to);
                requests = workload.requests();
                errors = workload.errors();
            }
            long hold = backup.path("hold_millis").asLong();
            EndToEndIntegrationTests.restore(project, "main", backup.path("id").asString(),
                    Map.of("environment_name", "copy"));

            Set<Long> pg = target.pgNumbers();
            assertThat(pg).hasSizeGreaterThan(100);
            assertThat(target.mariaNumbers()).isEqualTo(pg);
            assertThat(target.redisNumbers()).isEqualTo(pg);
            assertThat(target.mountNumbers()).isEqualTo(pg);
            assertThat(errors).isZero();
            assertThat(app.holds()).isEqualTo(1);
            assertThat(hold).isPositive();
            Files.writeString(Path.of("target", "consistency-" + MIB + "mib.json"), ("{\"data_mib\":%d,"
                    + "\"hold_ms\":%d,\"worst_latency_during_backup_ms\":%d,\"worst_latency_otherwise_ms\":%d,"
                    + "\"requests\":%d,\"errors\":%d,\"skew_ms\":%d,\"rows_in_cut\":%d}%n").formatted(MIB, hold,
                    worstDuringBackup, worstOutside, requests, errors, backup.path("skew_millis").asLong(),
                    pg.size()));
        }
    }

    @Test
    void aLiveBackupHoldsNothingAndRecordsTheSkewBetweenItsParts() throws Exception {
        String project = EndToEndIntegrationTests.registerProject();
        try (Env source = Env.create(fixture.dir(project).resolve("live"), 4);
             WorkloadApp app = new WorkloadApp(source.pg, source.maria, source.redis.port(), source.mount)) {
            api.post("/projects/" + project + "/environments", source.request("main", app.url()));
            try (WorkloadDriver workload = new WorkloadDriver(app.url(), 2)) {
                await().atMost(Duration.ofMinutes(2)).until(() -> workload.requests() > 50);
                Api.Response accepted = api.post("/projects/" + project + "/environments/main/backups",
                        Map.of("safe", false));
                String path = "/projects/" + project + "/environments/main/backups/"
                        + accepted.body().path("id").asString();
                JsonNode backup = api.awaitEnd(path);
                assertThat(backup.path("status").asString()).isEqualTo("COMPLETED");
                assertThat(backup.path("safe").asBoolean()).isFalse();
                assertThat(backup.path("hold_millis").isNull()).isTrue();
                assertThat(backup.path("skew_millis").isNumber()).isTrue();
                assertThat(backup.path("skew_millis").asLong()).isNotNegative();
                assertThat(app.holds()).isZero();
                assertThat(workload.errors()).isZero();
                Files.writeString(Path.of("target", "live-skew.json"), "{\"skew_ms\":"
                        + backup.path("skew_millis").asLong() + "}\n");
            }
        }
    }

    /** An environment on this machine: a PostgreSQL and a MariaDB database, a Redis server and a mount. */
    static final class Env implements AutoCloseable {
        final String pg = PgFixtures.uniqueName("lb_cut");
        final String maria = PgFixtures.uniqueName("lbm_cut");
        final RedisServer redis;
        final Path mount;
        final Path code;

        private Env(Path dir) throws Exception {
            this.redis = RedisServer.start();
            this.mount = dir.resolve("mount");
            this.code = Files.createDirectories(dir.resolve("code"));
            Files.writeString(code.resolve("app.py"), "print('workload')\n");
        }

        static Env empty(Path dir) throws Exception {
            return new Env(dir);
        }

        /** With {@code mib} MiB of data spread over the four, and the workload's tables. */
        static Env create(Path dir, int mib) throws Exception {
            Env env = new Env(dir);
            long bytes = (long) mib * 1024 * 1024;
            PgFixtures.create(env.pg);
            try (Connection c = PgFixtures.connect(env.pg); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE workload (n bigint PRIMARY KEY)");
                s.execute("CREATE TABLE bulk AS SELECT g, md5(g::text) || repeat(md5((g * 7)::text), 6) AS filler "
                        + "FROM generate_series(1, " + Math.max(1, bytes * 4 / 10 / 260) + ") g");
            }
            try (Connection c = MariaDbFixtures.connect(null); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE `" + env.maria + "`");
            }
            try (Connection c = MariaDbFixtures.connect(env.maria); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE workload (n BIGINT PRIMARY KEY) ENGINE=InnoDB");
                s.execute("CREATE TABLE bulk (id INT PRIMARY KEY, filler TEXT) ENGINE=InnoDB");
                s.execute("INSERT INTO bulk SELECT seq, REPEAT(MD5(seq), 8) FROM seq_1_to_"
                        + Math.max(1, bytes * 2 / 10 / 260));
            }
            try (Jedis jedis = env.redis.client()) {
                Pipeline pipeline = jedis.pipelined();
                byte[] value = new byte[1024];
                new Random(1).nextBytes(value);
                for (long i = 0; i < bytes / 10 / 1024; i++) {
                    pipeline.set(("bulk:" + i).getBytes(), value);
                }
                pipeline.sync();
            }
            Files.createDirectories(env.mount.resolve("bulk"));
            Random random = new Random(2);
            byte[] file = new byte[1024 * 1024];
            for (long i = 0; i < Math.max(1, bytes * 3 / 10 / file.length); i++) {
                random.nextBytes(file);
                Files.write(env.mount.resolve("bulk/f" + i), file);
            }
            return env;
        }

        Map<String, Object> request(String name, String appUrl) {
            Map<String, Object> request = new java.util.LinkedHashMap<>();
            request.put("name", name);
            request.put("type", "production");
            request.put("status", "active");
            request.put("services", List.of(
                    Map.of("name", "database", "type", "postgresql", "connection", Map.of("host",
                            TestInfra.postgresHost(), "port", Integer.toString(TestInfra.postgresPort()),
                            "database", pg, "user", TestInfra.postgresUser())),
                    Map.of("name", "shop", "type", "mariadb", "connection", Map.of("host", MariaDbFixtures.host(),
                            "port", Integer.toString(MariaDbFixtures.port()), "database", maria,
                            "user", MariaDbFixtures.user())),
                    Map.of("name", "cache", "type", "redis", "connection", Map.of("host", "127.0.0.1",
                            "port", Integer.toString(redis.port())))));
            request.put("mounts", List.of(Map.of("name", "uploads", "path", mount.toString())));
            request.put("code", Map.of("commit", "c0ffee00", "path", code.toString()));
            if (appUrl != null) {
                request.put("hooks", Map.of("hold", appUrl + "/_lifeboat/hold", "release", appUrl + "/_lifeboat/release"));
            }
            return request;
        }

        Set<Long> pgNumbers() throws Exception {
            try (Connection c = PgFixtures.connect(pg)) {
                return numbers(c);
            }
        }

        Set<Long> mariaNumbers() throws Exception {
            try (Connection c = MariaDbFixtures.connect(maria)) {
                return numbers(c);
            }
        }

        Set<Long> redisNumbers() {
            try (Jedis jedis = redis.client()) {
                Set<Long> numbers = new TreeSet<>();
                jedis.keys("n:*").forEach(k -> numbers.add(Long.parseLong(k.substring(2))));
                return numbers;
            }
        }

        Set<Long> mountNumbers() throws Exception {
            try (Stream<Path> files = Files.list(mount.resolve("w"))) {
                Set<Long> numbers = new TreeSet<>();
                files.forEach(f -> numbers.add(Long.parseLong(f.getFileName().toString().substring(2))));
                return numbers;
            }
        }

        private static Set<Long> numbers(Connection c) throws Exception {
            Set<Long> numbers = new TreeSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM workload")) {
                while (rs.next()) {
                    numbers.add(rs.getLong(1));
                }
            }
            return numbers;
        }

        @Override
        public void close() {
            PgFixtures.drop(pg);
            MariaDbFixtures.drop(maria);
            redis.close();
        }
    }
}
