package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.RedisFingerprint;
import io.lifeboat.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each part is a redis-server of its own, since a restore replaces the whole keyspace. */
class RedisConnectorTests extends ConnectorConformance {

    private final List<RedisServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(RedisServer::close);
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
            jedis.set("intruder", "x");
        }
    }

    @Override
    protected void dropPart(PartSpec part) {
        assertThat(part.setting("port")).isNotBlank();
    }

    private static Jedis client(PartSpec part) {
        return new Jedis(part.setting("host"), Integer.parseInt(part.setting("port")));
    }
}
