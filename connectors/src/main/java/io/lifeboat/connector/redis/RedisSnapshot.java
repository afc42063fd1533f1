package io.lifeboat.connector.redis;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.storage.repo.SnapshotWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cut asks the server for a full resynchronisation, as a new replica would. The server forks and the
 * fork is the point in time; the cut returns as soon as the transfer starts. Streaming stores the RDB.
 * To fork at once instead of after {@code repl-diskless-sync-delay}, the delay is set to 0 for the request
 * and put back right after.
 */
final class RedisSnapshot implements SnapshotSession {

    private static final Logger log = LoggerFactory.getLogger(RedisSnapshot.class);

    private final RedisConnector.Target target;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private Resp replica;
    private InputStream rdb;

    RedisSnapshot(RedisConnector.Target target) {
        this.target = target;
    }

    @Override
    public Instant cut() {
        try (Resp admin = target.connect()) {
            facts.put("server_version", info(admin, "server", "redis_version"));
            String delay = configGet(admin, "repl-diskless-sync-delay");
            configSet(admin, "repl-diskless-sync-delay", "0");
            try {
                replica = target.connect();
                replica.socket().setSoTimeout(0);
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
                rdb = preamble.startsWith("$EOF:")
                        ? new MarkedStream(replica.in(), preamble.substring(5).getBytes(StandardCharsets.US_ASCII))
                        : InputStreamLimit.of(replica.in(), Long.parseLong(preamble.substring(1)));
                return forked;
            } finally {
                if (delay != null) {
                    configSet(admin, "repl-diskless-sync-delay", delay);
                }
            }
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": taking the RDB snapshot failed: " + e.getMessage(),
                    false, e);
        }
    }

    @Override
    public Map<String, String> stream(SnapshotWriter writer) {
        try {
            writer.file("dump.rdb", 0600, 0, rdb);
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": reading the RDB failed: " + e.getMessage(), false, e);
        }
        return facts;
    }

    @Override
    public void close() {
        if (replica != null) {
            try {
                replica.close();
            } catch (IOException ignored) {
                // the server drops the replica by itself
            }
        }
    }

    static String info(Resp resp, String section, String field) throws IOException {
        String text = new String((byte[]) resp.call("INFO", section), StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    private String configGet(Resp admin, String name) {
        try {
            List<?> reply = (List<?>) admin.call("CONFIG", "GET", name);
            return reply.size() == 2 ? new String((byte[]) reply.get(1), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            log.debug("{}: CONFIG GET is not allowed; the snapshot waits for the server's own delay", target.name());
            return null;
        }
    }

    private void configSet(Resp admin, String name, String value) {
        try {
            admin.call("CONFIG", "SET", name, value);
        } catch (IOException e) {
            log.debug("{}: CONFIG SET {} not allowed: {}", target.name(), name, e.getMessage());
        }
    }
}
