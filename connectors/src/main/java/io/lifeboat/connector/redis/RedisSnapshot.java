package io.lifeboat.connector.redis;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.storage.repo.SnapshotWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cut asks the server for a full resynchronisation ({@link Replication}) and returns as soon as the transfer
 * starts; the fork is the point in time. Streaming stores the RDB.
 */
final class RedisSnapshot implements SnapshotSession {

    private final RedisConnector.Target target;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private Replication replication;

    RedisSnapshot(RedisConnector.Target target) {
        this.target = target;
    }

    @Override
    public Instant cut() {
        try {
            try (Resp admin = target.connect()) {
                facts.put("server_version", info(admin, "server", "redis_version"));
            }
            replication = Replication.start(target, 0);
            return replication.forked();
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": taking the RDB snapshot failed: " + e.getMessage(),
                    false, e);
        }
    }

    @Override
    public Map<String, String> stream(SnapshotWriter writer) {
        try {
            writer.file("dump.rdb", 0600, 0, replication.rdb());
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": reading the RDB failed: " + e.getMessage(), false, e);
        }
        return facts;
    }

    @Override
    public void close() {
        if (replication != null) {
            replication.close();
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
}
