package io.lifeboat.testing;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every key of every database: its type, its value (a stream's groups and pending entries too), its expiry. */
public final class RedisFingerprint {

    public static Map<String, String> of(Jedis jedis) {
        Map<String, String> fingerprint = new TreeMap<>();
        for (int db = 0; db < 16; db++) {
            jedis.select(db);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1000));
                for (String key : page.getResult()) {
                    fingerprint.put(db + ":" + key, value(jedis, key) + " expires=" + jedis.pexpireTime(key));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        jedis.select(0);
        return fingerprint;
    }

    /** Keys of every type, with and without expiries, in databases 0 and 3; a stream with a consumer group. */
    public static void populate(Jedis jedis, int keys) {
        long later = System.currentTimeMillis() + 86_400_000L;
        for (int i = 0; i < keys; i++) {
            jedis.set("string:" + i, "value " + i + (i % 7 == 0 ? " ünïcödé 🚀" : ""));
            if (i % 10 == 0) {
                jedis.pexpireAt("string:" + i, later + i);
            }
        }
        jedis.set("binary".getBytes(), new byte[] {0, 1, 2, (byte) 255, 10, 13});
        jedis.rpush("list", "a", "b", "c", "a");
        jedis.sadd("set", "x", "y", "z");
        jedis.zadd("zset", Map.of("one", 1.0, "two", 2.5, "three", -3.0));
        jedis.hset("hash", Map.of("f1", "v1", "f2", "v2"));
        jedis.xadd("stream", new StreamEntryID(1700000000000L, 1), Map.of("event", "signup"));
        jedis.xadd("stream", new StreamEntryID(1700000000000L, 2), Map.of("event", "login"));
        jedis.xgroupCreate("stream", "mailer", new StreamEntryID(0, 0), false);
        jedis.xreadGroup("mailer", "worker-1", redis.clients.jedis.params.XReadGroupParams.xReadGroupParams().count(1),
                Map.of("stream", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        jedis.incrBy("counter", 42);
        jedis.pexpireAt("hash", later);
        jedis.select(3);
        jedis.set("in-db-3", "elsewhere");
        jedis.select(0);
    }

    private static String value(Jedis jedis, String key) {
        String type = jedis.type(key);
        return type + " " + switch (type) {
            case "string" -> java.util.Arrays.toString(jedis.get(key.getBytes()));
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "set" -> new TreeSet<>(jedis.smembers(key)).toString();
            case "zset" -> jedis.zrangeWithScores(key, 0, -1).toString();
            case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
            case "stream" -> jedis.xrange(key, (StreamEntryID) null, null) + " groups=" + jedis.xinfoGroups(key)
                    .stream().map(g -> g.getName() + ":pending=" + g.getPending() + ":last=" + g.getLastDeliveredId())
                    .toList();
            default -> "?";
        };
    }

    private RedisFingerprint() {
    }
}
