package io.lifeboat.connector.postgres;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.ExternalProcess;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.storage.repo.SnapshotWriter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.lifeboat.connector.postgres.PostgresConnector.quote;

/**
 * The cut opens a repeatable-read transaction and exports its snapshot: that takes a millisecond and holds
 * no lock. Streaming runs {@code pg_dump --snapshot} several times on that snapshot: the pre-data, one
 * archive per large table, one for everything else, and the post-data. Archives are uncompressed so the
 * storage engine can deduplicate them.
 */
final class PostgresSnapshot implements SnapshotSession {

    static final long SEPARATE_TABLE_BYTES = 8L * 1024 * 1024;

    private final PostgresConnector.Target target;
    private Connection transaction;
    private String snapshot;

    PostgresSnapshot(PostgresConnector.Target target) {
        this.target = target;
    }

    @Override
    public Instant cut() {
        transaction = target.connect(target.database());
        try {
            transaction.setAutoCommit(false);
            transaction.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            transaction.setReadOnly(true);
            try (Statement statement = transaction.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot(), clock_timestamp()")) {
                rs.next();
                snapshot = rs.getString(1);
                return rs.getTimestamp(2).toInstant();
            }
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": exporting a snapshot failed: " + e.getMessage(),
                    false, e);
        }
    }

    @Override
    public Map<String, String> stream(SnapshotWriter writer) {
        Map<String, String> facts = new LinkedHashMap<>(databaseFacts());
        List<String> large = largeTables();
        List<Dump> dumps = new ArrayList<>();
        dumps.add(new Dump("pre-data.dump", List.of("--section=pre-data")));
        for (int i = 0; i < large.size(); i++) {
            String file = "data/table-%03d-%s.dump".formatted(i, large.get(i).replaceAll("[^A-Za-z0-9_.-]", ""));
            dumps.add(new Dump(file, List.of("--section=data", "--table=" + large.get(i))));
        }
        List<String> rest = new ArrayList<>(List.of("--section=data"));
        large.forEach(t -> rest.add("--exclude-table=" + t));
        dumps.add(new Dump("data/rest.dump", rest));
        dumps.add(new Dump("post-data.dump", List.of("--section=post-data")));
        runAll(writer, dumps);
        facts.put("archives", Integer.toString(dumps.size()));
        facts.put("separate_tables", Integer.toString(large.size()));
        return facts;
    }

    private record Dump(String file, List<String> options) {
    }

    private void runAll(SnapshotWriter writer, List<Dump> dumps) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, target.jobs()),
                Thread.ofPlatform().name("pg_dump-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (Dump dump : dumps) {
                running.add(pool.submit(() -> dump(writer, dump)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException(target.name() + ": pg_dump failed: " + e.getCause(), false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(target.name() + ": interrupted", false, e);
        }
    }

    private void dump(SnapshotWriter writer, Dump dump) {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--compress=0",
                "--snapshot=" + snapshot));
        command.addAll(target.connectionArguments(target.database()));
        command.addAll(dump.options());
        String what = target.name() + ": dumping " + dump.file();
        try (ExternalProcess process = ExternalProcess.start(command, target.environment(), what)) {
            writer.file(dump.file(), 0600, 0, process.stdout());
            process.await(what);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }

    private Map<String, String> databaseFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        String sql = """
                SELECT current_setting('server_version'), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
                       pg_get_userbyid(d.datdba)
                FROM pg_database d WHERE d.datname = current_database()""";
        try (Statement statement = transaction.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            facts.put("server_version", rs.getString(1));
            facts.put("encoding", rs.getString(2));
            facts.put("collate", rs.getString(3));
            facts.put("ctype", rs.getString(4));
            facts.put("owner", rs.getString(5));
            facts.put("database", target.database());
            facts.putAll(DatabaseProperties.read(transaction));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": reading database settings failed: " + e.getMessage(),
                    false, e);
        }
        return facts;
    }

    /** Tables big enough to get an archive of their own, as pg_dump patterns, largest first. */
    private List<String> largeTables() {
        String sql = """
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' AND pg_table_size(c.oid) >= ?
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
                ORDER BY pg_table_size(c.oid) DESC""";
        List<String> tables = new ArrayList<>();
        try (var statement = transaction.prepareStatement(sql)) {
            statement.setLong(1, SEPARATE_TABLE_BYTES);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": listing tables failed: " + e.getMessage(), false, e);
        }
        return tables;
    }

    @Override
    public void close() {
        if (transaction != null) {
            try {
                transaction.rollback();
                transaction.close();
            } catch (SQLException ignored) {
                // the server ends the transaction when the connection goes
            }
            transaction = null;
        }
    }
}
