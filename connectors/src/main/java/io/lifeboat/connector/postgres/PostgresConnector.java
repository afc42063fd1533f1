package io.lifeboat.connector.postgres;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.SnapshotReader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL: a logical dump with {@code pg_dump}, one archive per large table so that unchanged tables
 * deduplicate completely, all from one exported snapshot; restored with {@code pg_restore} into a staging
 * database that a rename makes live.
 *
 * <p>Settings: {@code host}, {@code port} (5432), {@code database}, {@code user}, {@code maintenance_database}
 * ({@code postgres}), {@code jobs} (parallel dumps and restores, 2). The user needs CREATEDB to restore.
 */
public final class PostgresConnector implements Connector {

    @Override
    public String type() {
        return "postgresql";
    }

    @Override
    public void validate(PartSpec spec) {
        spec.requireSetting("host");
        spec.requireSetting("database");
        spec.requireSetting("user");
        String port = spec.settings().getOrDefault("port", "5432");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("part " + spec.name() + ": 'port' must be a number");
        }
    }

    @Override
    public SnapshotSession openSnapshot(PartContext part) {
        validate(part.spec());
        return new PostgresSnapshot(new Target(part));
    }

    @Override
    public StagedRestore stage(PartContext target, SnapshotReader stored) {
        validate(target.spec());
        return PostgresRestore.stage(new Target(target), stored);
    }

    @Override
    public StagedRestore resume(PartContext target) {
        return PostgresRestore.resume(new Target(target));
    }

    /** Connection details of one part. */
    record Target(PartContext part) {

        String host() {
            return part.spec().requireSetting("host");
        }

        String port() {
            return part.spec().settings().getOrDefault("port", "5432");
        }

        String database() {
            return part.spec().requireSetting("database");
        }

        String user() {
            return part.spec().requireSetting("user");
        }

        String maintenanceDatabase() {
            return part.spec().settings().getOrDefault("maintenance_database", "postgres");
        }

        int jobs() {
            return Integer.parseInt(part.spec().settings().getOrDefault("jobs", "2"));
        }

        String name() {
            return "part " + part.spec().name() + " (postgresql " + database() + "@" + host() + ":" + port() + ")";
        }

        Connection connect(String database) {
            Properties properties = new Properties();
            properties.setProperty("user", user());
            if (part.password() != null) {
                properties.setProperty("password", part.password());
            }
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("ApplicationName", "lifeboat");
            try {
                return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database,
                        properties);
            } catch (SQLException e) {
                throw new ConnectorException(name() + ": cannot connect to database " + database + ": "
                        + e.getMessage(), isPermanent(e), e);
            }
        }

        /** Connection options for pg_dump and pg_restore; the password goes in the environment. */
        java.util.List<String> connectionArguments(String database) {
            return java.util.List.of("--host", host(), "--port", port(), "--username", user(), "--dbname",
                    database, "--no-password");
        }

        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            env.put("PGCONNECT_TIMEOUT", "10");
            env.put("PGAPPNAME", "lifeboat");
            if (part.password() != null) {
                env.put("PGPASSWORD", part.password());
            }
            return env;
        }
    }

    static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || state.startsWith("3D") || state.startsWith("42"));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A string literal (standard_conforming_strings, the default). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
