package io.lifeboat.testing;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.LibraryInfo;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingEntry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every key of every database: its type, its value, its expiry; a stream's entries, its ids, its consumer groups with
 * their consumers and pending entries (each with its delivery count); and the server's function libraries.
 */
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
        for (LibraryInfo library : jedis.functionListWithCode()) {
            fingerprint.put("function:" + library.getLibraryName(), library.getEngine() + " "
                    + library.getLibraryCode());
        }
        return fingerprint;
    }

    /**
     * Keys of every type, small and large (each encoding), with and without expiries, in databases 0 and 3; bitmaps,
     * HyperLogLogs and geo sets; streams with consumer groups, consumers with and without pending entries, entries
     * delivered more than once, deleted entries; a function library.
     */
    public static void populate(Jedis jedis, int keys) {
        long later = System.currentTimeMillis() + 86_400_000L;
        for (int i = 0; i < keys; i++) {
            jedis.set("string:" + i, "value " + i + (i % 7 == 0 ? " ünïcödé 🚀" : ""));
            if (i % 10 == 0) {
                jedis.pexpireAt("string:" + i, later + i);
            }
        }
        jedis.set("binary".getBytes(), new byte[] {0, 1, 2, (byte) 255, 10, 13});
        jedis.set("ключ с пробелом 🚀", "unicode key");
        jedis.set("big-string", "x".repeat(100_000));
        jedis.setbit("bitmap", 1_000, true);
        jedis.pfadd("hyperloglog", "a", "b", "c", "d");
        jedis.geoadd("geo", 13.361389, 38.115556, "Palermo");
        jedis.geoadd("geo", 15.087269, 37.502669, "Catania");
        jedis.incrBy("counter", 42);
        jedis.set("persisted", "had an expiry");
        jedis.pexpireAt("persisted", later);
        jedis.persist("persisted");

        jedis.rpush("list", "a", "b", "c", "a");
        jedis.rpush("big-list", IntStream.range(0, 2_000).mapToObj(i -> "item " + i).toArray(String[]::new));
        jedis.sadd("set", "x", "y", "z");
        jedis.sadd("int-set", "1", "2", "3", "-40");
        jedis.sadd("big-set", IntStream.range(0, 1_000).mapToObj(i -> "member " + i).toArray(String[]::new));
        jedis.zadd("zset", Map.of("one", 1.0, "two", 2.5, "three", -3.0));
        Map<String, Double> scores = new HashMap<>();
        IntStream.range(0, 500).forEach(i -> scores.put("member " + i, i / 3.0));
        jedis.zadd("big-zset", scores);
        jedis.hset("hash", Map.of("f1", "v1", "f2", "v2"));
        jedis.hset("big-hash", IntStream.range(0, 1_000).boxed()
                .collect(Collectors.toMap(i -> "field " + i, i -> "value " + i)));
        for (String key : List.of("hash", "list", "big-list", "set", "big-set", "zset", "big-hash", "geo")) {
            jedis.pexpireAt(key, later + key.length());
        }

        for (int i = 1; i <= 5; i++) {
            jedis.xadd("stream", new StreamEntryID(1700000000000L, i), Map.of("event", "event " + i, "n", "" + i));
        }
        jedis.xdel("stream", new StreamEntryID(1700000000000L, 3));
        jedis.xgroupCreate("stream", "mailer", new StreamEntryID(0, 0), false);
        jedis.xgroupCreate("stream", "audit", new StreamEntryID(1700000000000L, 2), false);
        jedis.xgroupCreateConsumer("stream", "audit", "idle-consumer");
        XReadGroupParams one = XReadGroupParams.xReadGroupParams().count(1);
        Map<String, StreamEntryID> undelivered = Map.of("stream", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        jedis.xreadGroup("mailer", "worker-1", one, undelivered);
        jedis.xreadGroup("mailer", "worker-2", XReadGroupParams.xReadGroupParams().count(2), undelivered);
        jedis.xack("stream", "mailer", new StreamEntryID(1700000000000L, 2));
        jedis.xreadGroup("mailer", "worker-1", one, Map.of("stream", new StreamEntryID(0, 0)));
        jedis.xreadGroup("audit", "reader", one, undelivered);
        jedis.pexpireAt("stream", later);
        jedis.xadd("empty-stream", new StreamEntryID(5, 5), Map.of("gone", "soon"));
        jedis.xdel("empty-stream", new StreamEntryID(5, 5));

        jedis.functionLoadReplace("#!lua name=lifeboat_fixture\n"
                + "redis.register_function('fixture_echo', function(keys, args) return args[1] end)\n");
        jedis.select(3);
        jedis.set("in-db-3", "elsewhere");
        jedis.rpush("list-in-db-3", "1", "2");
        jedis.pexpireAt("list-in-db-3", later);
        jedis.select(0);
    }

    private static String value(Jedis jedis, String key) {
        String type = jedis.type(key);
        return type + " " + switch (type) {
            case "string" -> Arrays.toString(jedis.get(key.getBytes()));
            case "list" -> jedis.lrange(key, 0, -1).toString();
            case "set" -> new TreeSet<>(jedis.smembers(key)).toString();
            case "zset" -> jedis.zrangeWithScores(key, 0, -1).toString();
            case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
            case "stream" -> stream(jedis, key);
            default -> "?";
        };
    }

    /** Entries, ids and groups; not idle times, which change as time passes. */
    private static String stream(Jedis jedis, String key) {
        Map<String, Object> info = new TreeMap<>(jedis.xinfoStream(key).getStreamInfo());
        info.keySet().removeAll(List.of("radix-tree-keys", "radix-tree-nodes"));
        StringBuilder text = new StringBuilder(jedis.xrange(key, (StreamEntryID) null, null) + " info=" + info);
        for (StreamGroupInfo group : jedis.xinfoGroups(key)) {
            text.append(" group=").append(new TreeMap<>(group.getGroupInfo()));
            for (StreamConsumerInfo consumer : jedis.xinfoConsumers2(key, group.getName())) {
                text.append(" consumer=").append(consumer.getName()).append(":pending=").append(consumer.getPending());
            }
            for (StreamPendingEntry pending : jedis.xpending(key, group.getName(), new XPendingParams().count(1000))) {
                text.append(" pending=").append(pending.getID()).append(':').append(pending.getConsumerName())
                        .append(":delivered=").append(pending.getDeliveredTimes());
            }
        }
        return text.toString();
    }

    private RedisFingerprint() {
    }
}
