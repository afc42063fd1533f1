package io.lifeboat.connector.mariadb;

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
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * MariaDB and MySQL: a consistent InnoDB dump ({@code mariadb-dump --single-transaction}) with routines,
 * triggers, events and views, in primary-key order so that unchanged rows deduplicate, and the database's
 * character set, collation and grants in the part's facts; restored over TCP into a staging database whose
 * tables one atomic {@code RENAME TABLE} makes live (see {@link MariaDbRestore}).
 *
 * <p>Settings: {@code host}, {@code port} (3306), {@code database}, {@code user}.
 */
public final class MariaDbConnector implements Connector {

    @Override
    public String type() {
        return "mariadb";
    }

    @Override
    public void validate(PartSpec spec) {
        spec.requireSetting("host");
        spec.requireSetting("database");
        spec.requireSetting("user");
        String port = spec.settings().getOrDefault("port", "3306");
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("part " + spec.name() + ": 'port' must be a number");
        }
    }

    @Override
    public SnapshotSession openSnapshot(PartContext part) {
        validate(part.spec());
        return new MariaDbSnapshot(new Target(part));
    }

    @Override
    public StagedRestore stage(PartContext target, SnapshotReader stored) {
        validate(target.spec());
        return MariaDbRestore.stage(new Target(target), stored);
    }

    @Override
    public StagedRestore resume(PartContext target) {
        validate(target.spec());
        return MariaDbRestore.resume(new Target(target));
    }

    /** Connection details of one part. */
    record Target(PartContext part) {

        String host() {
            return part.spec().requireSetting("host");
        }

        String port() {
            return part.spec().settings().getOrDefault("port", "3306");
        }

        String database() {
            return part.spec().requireSetting("database");
        }

        String user() {
            return part.spec().requireSetting("user");
        }

        String name() {
            return "part " + part.spec().name() + " (mariadb " + database() + "@" + host() + ":" + port() + ")";
        }

        /** A connection with no default database. */
        Connection connect() {
            Properties properties = new Properties();
            properties.setProperty("user", user());
            if (part.password() != null) {
                properties.setProperty("password", part.password());
            }
            properties.setProperty("connectTimeout", "10000");
            try {
                return DriverManager.getConnection("jdbc:mariadb://" + host() + ":" + port() + "/", properties);
            } catch (SQLException e) {
                throw new ConnectorException(name() + ": cannot connect: " + e.getMessage(),
                        e.getErrorCode() == 1045 || e.getErrorCode() == 1049, e);
            }
        }

        /** Options for mariadb-dump and mariadb; the password goes in the environment. */
        List<String> connectionArguments() {
            return List.of("--host=" + host(), "--port=" + port(), "--user=" + user(), "--protocol=TCP");
        }

        Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            if (part.password() != null) {
                env.put("MYSQL_PWD", part.password());
            }
            return env;
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
