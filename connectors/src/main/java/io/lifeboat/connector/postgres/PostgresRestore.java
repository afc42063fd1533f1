package io.lifeboat.connector.postgres;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.ExternalProcess;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.connector.StagingNames;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static io.lifeboat.connector.postgres.PostgresConnector.literal;
import static io.lifeboat.connector.postgres.PostgresConnector.quote;

/**
 * Restores into a staging database beside the live one: pre-data, then the data archives in parallel,
 * then the post-data (indexes, constraints). Switching over renames the live database away and the staging
 * database into its place, so the live database is never half-restored.
 */
final class PostgresRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(PostgresRestore.class);

    /** The comment of a kept-aside database that stands for "there was no live database". */
    static final String ABSENT = "lifeboat: no live database before this restore";

    private final PostgresConnector.Target target;
    private final String staging;
    private final String kept;
    private final long bytes;
    private Map<String, Long> objects = Map.of();

    private PostgresRestore(PostgresConnector.Target target, long bytes) {
        this.target = target;
        this.staging = name(target.database(), "lbr", target.part().operationId());
        this.kept = name(target.database(), "lbo", target.part().operationId());
        this.bytes = bytes;
    }

    /** The handle of a restore staged by an earlier run, from the names it used. */
    static PostgresRestore resume(PostgresConnector.Target target) {
        return new PostgresRestore(target, 0);
    }

    static PostgresRestore stage(PostgresConnector.Target target, SnapshotReader stored) {
        String staging = name(target.database(), "lbr", target.part().operationId());
        Map<String, String> facts = stored.manifest().metadata();
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(staging) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + quote(staging) + " TEMPLATE template0 ENCODING "
                    + literal(facts.getOrDefault("encoding", "UTF8")) + " LC_COLLATE "
                    + literal(facts.getOrDefault("collate", "C")) + " LC_CTYPE "
                    + literal(facts.getOrDefault("ctype", "C")));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": creating staging database " + staging + " failed: "
                    + e.getMessage(), PostgresConnector.isPermanent(e), e);
        }
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            DatabaseProperties.apply(statement, staging, facts);
        } catch (SQLException | IllegalArgumentException e) {
            dropQuietly(target, staging);
            throw new ConnectorException(target.name() + ": giving the restored database its comment, settings and "
                    + "grants failed (nothing was switched): " + e.getMessage(), true, e);
        }
        PostgresRestore restore = new PostgresRestore(target, stored.manifest().bytes());
        try {
            List<TreeEntry> files;
            try (Stream<TreeEntry> entries = stored.entries()) {
                files = entries.filter(e -> e.kind() == TreeEntry.Kind.FILE).toList();
            }
            restore.load(stored, files.stream().filter(f -> f.path().equals("pre-data.dump")).toList(), 1);
            restore.load(stored, files.stream().filter(f -> f.path().startsWith("data/")).toList(), target.jobs());
            for (TreeEntry postData : files.stream().filter(f -> f.path().equals("post-data.dump")).toList()) {
                restore.restoreInParallel(stored, postData);
            }
            restore.objects = CatalogCounts.of(target, staging);
            return restore;
        } catch (RuntimeException e) {
            restore.close();
            throw e;
        }
    }

    private void load(SnapshotReader stored, List<TreeEntry> archives, int jobs) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs),
                Thread.ofPlatform().name("pg_restore-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (TreeEntry archive : archives) {
                running.add(pool.submit(() -> restore(stored, archive)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException(target.name() + ": pg_restore failed: " + e.getCause(), false,
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(target.name() + ": interrupted", false, e);
        }
    }

    /** {@code pg_restore} into the staging database, with {@code options} after the connection's. */
    private List<String> pgRestore(String... options) {
        List<String> command = new ArrayList<>(List.of("pg_restore", "--exit-on-error"));
        command.addAll(target.connectionArguments(staging));
        command.addAll(List.of(options));
        return command;
    }

    private void restore(SnapshotReader stored, TreeEntry archive) {
        String what = target.name() + ": restoring " + archive.path();
        try (InputStream in = stored.open(archive)) {
            ExternalProcess.feed(pgRestore(), target.environment(), what, in);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }

    /**
     * Restores an archive with {@code pg_restore --jobs}, which builds indexes and constraints side by side.
     * It needs a seekable file, not a pipe: the archive, which holds definitions only, is copied to a
     * temporary file first.
     */
    private void restoreInParallel(SnapshotReader stored, TreeEntry archive) {
        String what = target.name() + ": restoring " + archive.path();
        Path file = null;
        try {
            file = Files.createTempFile("lifeboat-" + target.part().operationId().replaceAll("[^A-Za-z0-9_-]", "_")
                    + "-", ".dump");
            try (InputStream in = stored.open(archive)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = pgRestore("--jobs=" + Math.max(1, target.jobs()), file.toString());
            try (ExternalProcess process = ExternalProcess.start(command, target.environment(), what)) {
                process.stdin().close();
                process.await(what);
            }
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("{}: temporary archive {} not deleted: {}", target.name(), file, e.getMessage());
                }
            }
        }
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public Map<String, Long> objects() {
        return objects;
    }

    /**
     * Renames the live database aside (to the kept-aside name) and the staging database into its place. A target
     * without a live database gets an empty kept-aside database marked {@link #ABSENT}, so that a switch-back
     * knows to leave it without one.
     */
    @Override
    public void switchOver() {
        String live = target.database();
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            if (exists(admin, kept)) {
                throw new ConnectorException(target.name() + ": a database named " + kept + " exists already; "
                        + "nothing was switched", true);
            }
            if (exists(admin, live)) {
                statement.execute("ALTER DATABASE " + quote(live) + " ALLOW_CONNECTIONS false");
                renameAway(admin, statement, live, kept);
            } else {
                statement.execute("CREATE DATABASE " + quote(kept));
                statement.execute("COMMENT ON DATABASE " + quote(kept) + " IS " + literal(ABSENT));
            }
            statement.execute("ALTER DATABASE " + quote(staging) + " RENAME TO " + quote(live));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": switching to the restored database failed: "
                    + e.getMessage(), false, e);
        }
    }

    /** From any state a switch-over left: the restored database goes, and the kept-aside one comes back. */
    @Override
    public void switchBack() {
        String live = target.database();
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            if (!exists(admin, kept)) {
                if (exists(admin, live)) {
                    statement.execute("ALTER DATABASE " + quote(live) + " ALLOW_CONNECTIONS true");
                }
                return;
            }
            boolean absent = ABSENT.equals(comment(admin, kept));
            if (!exists(admin, staging) && exists(admin, live)) {
                statement.execute("DROP DATABASE " + quote(live) + " WITH (FORCE)");
            }
            if (absent) {
                statement.execute("DROP DATABASE " + quote(kept) + " WITH (FORCE)");
            } else {
                statement.execute("ALTER DATABASE " + quote(kept) + " RENAME TO " + quote(live));
                statement.execute("ALTER DATABASE " + quote(live) + " ALLOW_CONNECTIONS true");
            }
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": switching back to the database as it was failed: "
                    + e.getMessage(), false, e);
        }
    }

    @Override
    public void commit() {
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(kept) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": dropping the database as it was before the restore ("
                    + kept + ") failed: " + e.getMessage(), false, e);
        }
    }

    private static void renameAway(Connection admin, Statement statement, String live, String old)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement terminate = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                terminate.setString(1, live);
                terminate.execute();
            }
            try {
                statement.execute("ALTER DATABASE " + quote(live) + " RENAME TO " + quote(old));
                return;
            } catch (SQLException e) {
                if (attempt >= 20 || !"55006".equals(e.getSQLState())) {
                    throw e;
                }
                log.debug("database {} still has sessions; retrying the rename", live);
            }
        }
    }

    @Override
    public void close() {
        dropQuietly(target, staging);
    }

    private static void dropQuietly(PostgresConnector.Target target, String database) {
        try (Connection admin = target.connect(target.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
        } catch (SQLException | ConnectorException e) {
            log.warn("{}: staging database {} was not dropped: {}", target.name(), database, e.getMessage());
        }
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String comment(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A name beside {@code database} for one restore: {@code lbr} stages, {@code lbo} keeps the live one aside. */
    static String name(String database, String kind, String operationId) {
        return StagingNames.beside(database, kind, operationId, 63);
    }
}
