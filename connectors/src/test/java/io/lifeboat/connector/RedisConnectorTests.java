package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.RedisFingerprint;
import io.lifeboat.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each part is a redis-server of its own, since a restore replaces the whole keyspace. */
class RedisConnectorTests extends ConnectorConformance {

    private final List<RedisServer> servers = new ArrayList<>();

    @TempDir
    Path spool;

    @BeforeEach
    void spoolInATemporaryDirectory() {
        System.setProperty("lifeboat.restore.spool-dir", spool.toString());
    }

    @AfterEach
    void stopServers() throws Exception {
        System.clearProperty("lifeboat.restore.spool-dir");
        servers.forEach(RedisServer::close);
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("copies left in the spool after each restore ended").isEmpty();
        }
    }

    @Override
    protected String type() {
        return "redis";
    }

    @Override
    protected PartSpec createPart(String name) throws Exception {
        PartSpec part = emptyTarget(name);
        try (Jedis jedis = client(part)) {
            RedisFingerprint.populate(jedis, 5_000);
        }
        return part;
    }

    @Override
    protected PartSpec emptyTarget(String name) throws Exception {
        RedisServer server = RedisServer.start();
        servers.add(server);
        return new PartSpec("cache", type(), Map.of("host", "127.0.0.1", "port", Integer.toString(server.port())),
                null);
    }

    @Override
    protected Map<String, String> fingerprint(PartSpec part) {
        try (Jedis jedis = client(part)) {
            return RedisFingerprint.of(jedis);
        }
    }

    @Override
    protected void destroy(PartSpec part) {
        try (Jedis jedis = client(part)) {
            jedis.flushAll();
            jedis.functionFlush();
            jedis.set("intruder", "x");
            jedis.pexpire("intruder", 86_400_000L);
        }
    }

    /** Keys and keys with an expiry over every database, from INFO keyspace. */
    @Override
    protected Map<String, Long> catalogCounts(PartSpec part) {
        long keys = 0;
        long expiring = 0;
        try (Jedis jedis = client(part)) {
            for (String line : jedis.info("keyspace").split("\r\n")) {
                Matcher db = Pattern.compile("db\\d+:keys=(\\d+),expires=(\\d+).*").matcher(line);
                if (db.matches()) {
                    keys += Long.parseLong(db.group(1));
                    expiring += Long.parseLong(db.group(2));
                }
            }
        }
        return Map.of("keys", keys, "expiring_keys", expiring);
    }

    @Test
    void switchingBackARestoreIntoAnEmptyServerLeavesItEmpty() throws Exception {
        PartSpec source = createPart("source");
        PartSpec target = emptyTarget("empty");
        String backup = backup(source);
        String restoreId = "%032x".formatted(System.nanoTime());
        try (StagedRestore staged = connector.stage(context(target, restoreId),
                repository.openPart(ENV.project(), backup, target.name()))) {
            staged.switchOver();
            assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
            try (Stream<Path> kept = Files.list(spool)) {
                assertThat(kept.map(p -> p.getFileName().toString())).containsExactly(restoreId + "-cache.rdb");
            }
            staged.switchBack();
        }
        assertThat(fingerprint(target)).isEmpty();
    }

    @Test
    void aResumedHandleCannotSwitchOverAndHasNothingToSwitchBackBeforeASwitchOver() throws Exception {
        PartSpec part = createPart("never");
        Map<String, String> before = fingerprint(part);
        String restoreId = "%032x".formatted(System.nanoTime());
        try (StagedRestore resumed = connector.resume(context(part, restoreId))) {
            assertThatThrownBy(resumed::switchOver).isInstanceOf(IllegalStateException.class);
            resumed.switchBack();
            resumed.commit();
        }
        assertThat(fingerprint(part)).isEqualTo(before);
    }

    @Override
    protected void dropPart(PartSpec part) {
        assertThat(part.setting("port")).isNotBlank();
    }

    private static Jedis client(PartSpec part) {
        return new Jedis(part.setting("host"), Integer.parseInt(part.setting("port")));
    }
}
