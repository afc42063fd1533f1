package io.lifeboat.connector.mariadb;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.ExternalProcess;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.storage.repo.SnapshotWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cut starts {@code mariadb-dump --single-transaction} and returns as soon as the dump's consistent
 * snapshot exists, which its first table header proves: the transaction starts before any table is read.
 * Streaming then stores the dump. The snapshot holds no lock, so writers are not blocked.
 */
final class MariaDbSnapshot implements SnapshotSession {

    private static final Logger log = LoggerFactory.getLogger(MariaDbSnapshot.class);

    private static final byte[] FIRST_TABLE = "\n-- Table structure for table".getBytes(StandardCharsets.US_ASCII);

    private final MariaDbConnector.Target target;
    private ExternalProcess dump;
    private byte[] head;
    private Map<String, String> facts;

    MariaDbSnapshot(MariaDbConnector.Target target) {
        this.target = target;
    }

    @Override
    public Instant cut() {
        facts = databaseFacts();
        List<String> command = new ArrayList<>(List.of("mariadb-dump", "--single-transaction", "--quick",
                "--routines", "--triggers", "--events", "--hex-blob", "--default-character-set=utf8mb4",
                "--skip-dump-date", "--order-by-primary", "--no-tablespaces"));
        command.addAll(target.connectionArguments());
        command.add(target.database());
        dump = ExternalProcess.start(command, target.environment(), target.name() + ": dumping");
        head = readUntilFirstTable(dump.stdout());
        return Clock.systemUTC().instant();
    }

    @Override
    public Map<String, String> stream(SnapshotWriter writer) {
        String what = target.name() + ": dumping";
        try (InputStream rest = dump.stdout()) {
            writer.file("dump.sql", 0600, 0, new SequenceInputStream(new ByteArrayInputStream(head), rest));
            dump.await(what);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
        return facts;
    }

    /** Reads the dump's header, up to and including the first table's header, or to the end. */
    private byte[] readUntilFirstTable(InputStream in) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                seen.write(buffer, 0, n);
                if (contains(seen, FIRST_TABLE) || seen.size() > 1 << 20) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": reading the dump failed: " + e.getMessage(), false, e);
        }
        return seen.toByteArray();
    }

    private static boolean contains(ByteArrayOutputStream seen, byte[] marker) {
        return new String(seen.toByteArray(), StandardCharsets.ISO_8859_1)
                .contains(new String(marker, StandardCharsets.ISO_8859_1));
    }

    private Map<String, String> databaseFacts() {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME, @@version FROM information_schema.SCHEMATA
                WHERE SCHEMA_NAME = ?""")) {
            s.setString(1, target.database());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ConnectorException(target.name() + ": database " + target.database()
                            + " does not exist", true);
                }
                result.put("charset", rs.getString(1));
                result.put("collation", rs.getString(2));
                result.put("server_version", rs.getString(3));
                result.put("database", target.database());
            }
            try {
                result.put(Grants.FACT, Grants.encode(Grants.read(c, target.database())));
            } catch (SQLException e) {
                if (e.getErrorCode() != 1142) {
                    throw e;
                }
                // a backup without the grants fact restores, leaving the target's grants as they are
                log.warn("{}: the database's grants are not backed up: reading them needs SELECT on mysql.db",
                        target.name());
            }
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": reading database settings failed: " + e.getMessage(),
                    false, e);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(target.name() + ": " + e.getMessage(), true, e);
        }
        return result;
    }

    @Override
    public void close() {
        if (dump != null) {
            dump.close();
        }
    }
}
