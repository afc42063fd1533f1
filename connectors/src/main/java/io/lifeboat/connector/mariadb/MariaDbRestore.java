package io.lifeboat.connector.mariadb;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.ExternalProcess;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * Restores the dump into a staging database. Switching over moves every base table into the live database
 * in one atomic {@code RENAME TABLE} (the old tables go to a trash database), then recreates the views,
 * triggers, routines and events there, from their definitions in the staging database.
 */
final class MariaDbRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(MariaDbRestore.class);

    private final MariaDbConnector.Target target;
    private final String staging;
    private final Map<String, String> facts;
    private final long bytes;
    private boolean switched;

    private MariaDbRestore(MariaDbConnector.Target target, String staging, Map<String, String> facts, long bytes) {
        this.target = target;
        this.staging = staging;
        this.facts = facts;
        this.bytes = bytes;
    }

    static MariaDbRestore stage(MariaDbConnector.Target target, SnapshotReader stored) {
        Map<String, String> facts = stored.manifest().metadata();
        String staging = name(target.database(), "lbr", target.part().operationId());
        MariaDbRestore restore = new MariaDbRestore(target, staging, facts, stored.manifest().bytes());
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(staging));
            s.execute("CREATE DATABASE " + quote(staging) + charset(facts));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": creating staging database " + staging + " failed: "
                    + e.getMessage(), false, e);
        }
        try {
            TreeEntry dump;
            try (Stream<TreeEntry> entries = stored.entries()) {
                dump = entries.filter(e -> e.path().equals("dump.sql")).findFirst().orElseThrow(() ->
                        new ConnectorException(target.name() + ": the backup holds no dump.sql", true));
            }
            restore.load(stored, dump);
            return restore;
        } catch (RuntimeException e) {
            restore.close();
            throw e;
        }
    }

    private void load(SnapshotReader stored, TreeEntry dump) {
        List<String> command = new ArrayList<>(List.of("mariadb", "--binary-mode", "--default-character-set=utf8mb4"));
        command.addAll(target.connectionArguments());
        command.add(staging);
        String what = target.name() + ": restoring the dump";
        try (InputStream in = stored.open(dump)) {
            ExternalProcess.feed(command, target.environment(), what, in);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void switchOver() {
        String live = target.database();
        String trash = name(live, "lbo", target.part().operationId());
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            Schema stagedSchema = Schema.read(s, staging);
            s.execute("CREATE DATABASE IF NOT EXISTS " + quote(live) + charset(facts));
            Schema liveSchema = Schema.read(s, live);
            liveSchema.dropDefinitions(s, live);
            List<String> triggers = stagedSchema.triggerDefinitions(s, staging, live);
            stagedSchema.dropTriggers(s, staging);
            s.execute("DROP DATABASE IF EXISTS " + quote(trash));
            s.execute("CREATE DATABASE " + quote(trash));
            List<String> renames = new ArrayList<>();
            liveSchema.tables().forEach(t -> renames.add(quote(live) + "." + quote(t) + " TO " + quote(trash) + "."
                    + quote(t)));
            stagedSchema.tables().forEach(t -> renames.add(quote(staging) + "." + quote(t) + " TO " + quote(live)
                    + "." + quote(t)));
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            if (!renames.isEmpty()) {
                s.execute("RENAME TABLE " + String.join(", ", renames));
            }
            switched = true;
            s.execute("ALTER DATABASE " + quote(live) + charset(facts));
            s.execute("USE " + quote(live));
            stagedSchema.createDefinitions(s, staging, live);
            for (String trigger : triggers) {
                s.execute(trigger);
            }
            s.execute("DROP DATABASE " + quote(trash));
            s.execute("DROP DATABASE " + quote(staging));
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": switching to the restored database failed: "
                    + e.getMessage(), false, e);
        }
    }

    @Override
    public void close() {
        if (switched) {
            return;
        }
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(staging));
        } catch (SQLException | ConnectorException e) {
            log.warn("{}: staging database {} was not dropped: {}", target.name(), staging, e.getMessage());
        }
    }

    private static String charset(Map<String, String> facts) {
        String charset = facts.getOrDefault("charset", "utf8mb4");
        String collation = facts.get("collation");
        return " CHARACTER SET " + charset.replaceAll("[^A-Za-z0-9_]", "")
                + (collation == null ? "" : " COLLATE " + collation.replaceAll("[^A-Za-z0-9_]", ""));
    }

    static String name(String database, String kind, String operationId) {
        String suffix = "_" + kind + "_" + operationId.substring(Math.max(0, operationId.length() - 10));
        return database.substring(0, Math.min(database.length(), 64 - suffix.length())) + suffix;
    }
}
