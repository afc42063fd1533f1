package io.lifeboat.connector.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A full resynchronisation asked of a server as a new replica would ask for it: the server forks, the fork is the
 * point in time, and its RDB streams. To fork at once instead of after {@code repl-diskless-sync-delay}, the delay
 * is set to 0 for the request and put back right after.
 */
final class Replication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Replication.class);

    private final Resp replica;
    private final InputStream rdb;
    private final Instant forked;

    private Replication(Resp replica, InputStream rdb, Instant forked) {
        this.replica = replica;
        this.rdb = rdb;
        this.forked = forked;
    }

    /** Starts the transfer; {@code readTimeoutMillis} 0 waits for the server as long as it takes. */
    static Replication start(RedisConnector.Target target, int readTimeoutMillis) throws IOException {
        try (Resp admin = target.connect()) {
            String delay = configGet(target, admin, "repl-diskless-sync-delay");
            configSet(target, admin, "repl-diskless-sync-delay", "0");
            Resp replica = target.connect();
            try {
                replica.socket().setSoTimeout(readTimeoutMillis);
                replica.call("REPLCONF", "capa", "eof", "capa", "psync2");
                replica.send("PSYNC", "?", "-1");
                String answer = replica.line();
                if (!answer.startsWith("+FULLRESYNC")) {
                    throw new IOException("unexpected answer to PSYNC: " + answer);
                }
                String preamble = replica.line();
                while (preamble.isEmpty()) {
                    preamble = replica.line();
                }
                Instant forked = Clock.systemUTC().instant();
                InputStream rdb = preamble.startsWith("$EOF:")
                        ? new MarkedStream(replica.in(), preamble.substring(5).getBytes(StandardCharsets.US_ASCII))
                        : InputStreamLimit.of(replica.in(), Long.parseLong(preamble.substring(1)));
                return new Replication(replica, rdb, forked);
            } catch (IOException | RuntimeException e) {
                replica.close();
                throw e;
            } finally {
                if (delay != null) {
                    configSet(target, admin, "repl-diskless-sync-delay", delay);
                }
            }
        }
    }

    /** The RDB, up to its end; the replication stream after it is never read. */
    InputStream rdb() {
        return rdb;
    }

    Instant forked() {
        return forked;
    }

    @Override
    public void close() {
        try {
            replica.close();
        } catch (IOException ignored) {
            // the server drops the replica by itself
        }
    }

    private static String configGet(RedisConnector.Target target, Resp admin, String name) {
        try {
            List<?> reply = (List<?>) admin.call("CONFIG", "GET", name);
            return reply.size() == 2 ? new String((byte[]) reply.get(1), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            log.debug("{}: CONFIG GET is not allowed; the transfer waits for the server's own delay", target.name());
            return null;
        }
    }

    private static void configSet(RedisConnector.Target target, Resp admin, String name, String value) {
        try {
            admin.call("CONFIG", "SET", name, value);
        } catch (IOException e) {
            log.debug("{}: CONFIG SET {} not allowed: {}", target.name(), name, e.getMessage());
        }
    }
}
