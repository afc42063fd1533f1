package io.lifeboat.connector.redis;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Restores an RDB exactly, by the server's own loading code ({@link RdbLoader}). Staging checks the stored RDB.
 * A load replaces the whole dataset, so the switch-over first copies the target's dataset, as an RDB taken the way
 * a backup takes one, into the {@link Spool}, and only then loads the backup; switching back loads that copy, and
 * committing deletes it. The copy is named by the operation id, so a later run finds it.
 */
final class RedisRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(RedisRestore.class);
    private static final int COPY_READ_TIMEOUT_MILLIS = 5 * 60_000;

    private final RedisConnector.Target target;
    private final @Nullable SnapshotReader stored;
    private final @Nullable TreeEntry rdb;
    private final Path spool;
    private Map<String, Long> objects = Map.of();

    private RedisRestore(RedisConnector.Target target, @Nullable SnapshotReader stored, @Nullable TreeEntry rdb) {
        this.target = target;
        this.stored = stored;
        this.rdb = rdb;
        this.spool = Spool.file(target.part().operationId(), target.part().spec().name());
    }

    static RedisRestore stage(RedisConnector.Target target, SnapshotReader stored) {
        TreeEntry rdb;
        try (Stream<TreeEntry> entries = stored.entries()) {
            rdb = entries.filter(e -> e.path().equals("dump.rdb")).findFirst().orElseThrow(() ->
                    new ConnectorException(target.name() + ": the backup holds no dump.rdb", true));
        }
        try (InputStream in = stored.open(rdb)) {
            String magic = new String(in.readNBytes(5), StandardCharsets.US_ASCII);
            if (!magic.equals("REDIS")) {
                throw new ConnectorException(target.name() + ": the stored dump.rdb is not an RDB file", true);
            }
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": reading the stored RDB failed: " + e.getMessage(), false, e);
        }
        try (Resp admin = target.connect()) {
            admin.call("PING");
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": the target does not answer: " + e.getMessage(), false, e);
        }
        return new RedisRestore(target, stored, rdb);
    }

    /** The handle of a restore an earlier run switched over (or began to): its copy is found by name. */
    static RedisRestore resume(RedisConnector.Target target) {
        return new RedisRestore(target, null, null);
    }

    @Override
    public long bytes() {
        return rdb == null ? 0 : rdb.size();
    }

    /** {@code keys} and {@code expiring_keys} over every database, from the target's INFO once loaded. */
    @Override
    public Map<String, Long> objects() {
        return objects;
    }

    @Override
    public void switchOver() {
        if (stored == null || rdb == null) {
            throw new IllegalStateException(target.name() + ": a resumed restore cannot switch over");
        }
        if (!Files.exists(spool)) {
            keepCopy();
        }
        try {
            RdbLoader.load(target, () -> stored.open(rdb), rdb.size());
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": loading the RDB into the target failed: " + e.getMessage(),
                    false, e);
        }
        objects = counts();
    }

    /** Copies the target's dataset into the spool; nothing is replaced yet. */
    private void keepCopy() {
        try (Replication copy = Replication.start(target, COPY_READ_TIMEOUT_MILLIS)) {
            Spool.write(spool, copy.rdb());
            log.info("{}: the target's data, kept until the restore ends, is in {} ({} bytes)", target.name(), spool,
                    Files.size(spool));
        } catch (IOException e) {
            deleteQuietly(Spool.partial(spool));
            throw new ConnectorException(target.name() + ": copying the target's data aside before the restore failed"
                    + " (nothing was replaced): " + e.getMessage(), false, e);
        }
    }

    /** Loads the copy the switch-over kept, then deletes it; without a copy, nothing was replaced. */
    @Override
    public void switchBack() {
        if (!Files.exists(spool)) {
            return;
        }
        try {
            RdbLoader.load(target, () -> Files.newInputStream(spool), Files.size(spool));
            Files.delete(spool);
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": switching back to the data as it was (" + spool
                    + ") failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void commit() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": deleting the copy of the data as it was before the "
                    + "restore (" + spool + ") failed: " + e.getMessage(), false, e);
        }
    }

    private Map<String, Long> counts() {
        try (Resp admin = target.connect()) {
            String text = new String((byte[]) admin.call("INFO", "keyspace"), StandardCharsets.UTF_8);
            long keys = 0;
            long expiring = 0;
            for (String line : text.split("\r\n")) {
                if (line.matches("db\\d+:.*")) {
                    for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                        String[] pair = field.split("=", 2);
                        if (pair[0].equals("keys")) {
                            keys += Long.parseLong(pair[1]);
                        } else if (pair[0].equals("expires")) {
                            expiring += Long.parseLong(pair[1]);
                        }
                    }
                }
            }
            return Map.of("keys", keys, "expiring_keys", expiring);
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": counting the restored keys failed: " + e.getMessage(),
                    false, e);
        }
    }

    /** A copy left half written by a run that stopped; a complete copy stays until switch-back or commit. */
    @Override
    public void close() {
        deleteQuietly(Spool.partial(spool));
    }

    private void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{}: cannot delete {}: {}", target.name(), file, e.getMessage());
        }
    }
}
