package io.lifeboat.connector.golden;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.RedisFingerprint;
import io.lifeboat.testing.RedisServer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

import java.util.Map;

/** A redis-server of its own with keys of every type, some with expiries, in databases 0 and 3. */
final class RedisPart extends GoldenPart {

    /** 2100-01-01T00:00:00Z: expiries are absolute, and the golden keys must not expire. */
    private static final long EXPIRY = 4_102_444_800_000L;

    RedisPart() {
        super("cache", "redis");
    }

    @Override
    PartSpec source(Scratch scratch) throws Exception {
        PartSpec part = target(scratch);
        try (Jedis jedis = client(part)) {
            jedis.set("greeting", "hello, wörld 🚀");
            jedis.pexpireAt("greeting", EXPIRY);
            jedis.set("binary".getBytes(), new byte[] {0, 1, 2, (byte) 255, 10, 13});
            jedis.incrBy("counter", 42);
            jedis.rpush("queue", "a", "b", "c", "a");
            jedis.sadd("tags", "x", "y", "z");
            jedis.zadd("scores", Map.of("one", 1.0, "two", 2.5, "three", -3.0));
            jedis.hset("session:1", Map.of("user", "zoë", "cart", "3"));
            jedis.pexpireAt("session:1", EXPIRY + 1);
            jedis.xadd("events", new StreamEntryID(1700000000000L, 1), Map.of("event", "signup"));
            jedis.xadd("events", new StreamEntryID(1700000000000L, 2), Map.of("event", "login"));
            jedis.xgroupCreate("events", "mailer", new StreamEntryID(0, 0), false);
            jedis.xreadGroup("mailer", "worker-1", XReadGroupParams.xReadGroupParams().count(1),
                    Map.of("events", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            jedis.select(3);
            jedis.set("in-db-3", "elsewhere");
        }
        return part;
    }

    @Override
    PartSpec target(Scratch scratch) throws Exception {
        RedisServer server = RedisServer.start();
        scratch.onClose(server::close);
        return new PartSpec(name(), type(), Map.of("host", "127.0.0.1", "port", Integer.toString(server.port())),
                null);
    }

    @Override
    Map<String, String> fingerprint(PartSpec part) {
        try (Jedis jedis = client(part)) {
            return RedisFingerprint.of(jedis);
        }
    }

    private static Jedis client(PartSpec part) {
        return new Jedis(part.setting("host"), Integer.parseInt(part.setting("port")));
    }
}
