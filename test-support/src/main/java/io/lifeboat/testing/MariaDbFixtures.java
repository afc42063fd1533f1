package io.lifeboat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Databases on the shared MariaDB server, with content that exercises the dump, and their fingerprints. */
public final class MariaDbFixtures {

    public static String host() {
        return TestInfra.value("LIFEBOAT_TEST_MARIADB_HOST", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(TestInfra.value("LIFEBOAT_TEST_MARIADB_PORT", "3306"));
    }

    public static String user() {
        return TestInfra.value("LIFEBOAT_TEST_MARIADB_USER", "root");
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + host() + ":" + port() + "/"
                + (database == null ? "" : database) + "?allowMultiQueries=true", user(), "");
    }

    /** Drops the database and the account {@link #create} granted privileges on it to. */
    public static void drop(String database) {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("DROP USER IF EXISTS " + grantee(database));
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + database, e);
        }
    }

    /** The account, of its own, that {@link #create} grants privileges on the database to: {@code 'lbu_…'@'localhost'}. */
    public static String grantee(String database) {
        return "'lbu_%08x'@'localhost'".formatted(database.hashCode());
    }

    /**
     * Tables in several character sets and collations, routines (one under its own {@code sql_mode} and client
     * character set), triggers
     * (two in a row on one table), views (one calling a function, one with a check option, one with invoker
     * security), an enabled and a disabled event (one in its own time zone), a grant on the database to an
     * account of its own ({@link #grantee}), and {@code rows} rows.
     */
    public static void create(String database, int rows) throws SQLException {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("CREATE USER IF NOT EXISTS " + grantee(database));
            s.execute("GRANT SELECT, EXECUTE, SHOW VIEW ON `" + database + "`.* TO " + grantee(database)
                    + " WITH GRANT OPTION");
        }
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(32) NOT NULL UNIQUE,
                        name VARCHAR(200) COLLATE utf8mb4_bin, price DECIMAL(10,2), photo BLOB, notes TEXT NULL,
                        updated_at DATETIME(6)) ENGINE=InnoDB;
                    CREATE TABLE legacy (id INT PRIMARY KEY, label VARCHAR(100)) CHARACTER SET latin1
                        COLLATE latin1_swedish_ci;
                    CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, product_id INT, action VARCHAR(20),
                        FOREIGN KEY (product_id) REFERENCES products(id));
                    CREATE VIEW expensive AS SELECT id, name, price FROM products WHERE price > 500;
                    CREATE VIEW expensive_names AS SELECT name FROM expensive;
                    CREATE SQL SECURITY INVOKER VIEW cheap AS SELECT id, name FROM products WHERE price < 10;
                    CREATE FUNCTION price_with_tax(p DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC
                        RETURN p * 1.2;
                    CREATE PROCEDURE cheapest(OUT result INT) READS SQL DATA SELECT min(price) INTO result FROM products;
                    CREATE TRIGGER products_audit AFTER UPDATE ON products FOR EACH ROW
                        INSERT INTO audit (product_id, action) VALUES (NEW.id, 'update');
                    CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' DISABLE
                        COMMENT 'nightly purge' DO DELETE FROM audit WHERE id < 0;
                    CREATE VIEW priced AS SELECT id, price_with_tax(price) AS gross FROM products;
                    CREATE ALGORITHM=MERGE VIEW cheap_checked AS SELECT id, price FROM products WHERE price < 10
                        WITH CASCADED CHECK OPTION;
                    CREATE PROCEDURE touch(IN p INT) MODIFIES SQL DATA SQL SECURITY INVOKER COMMENT 'touches a row'
                        UPDATE products SET updated_at = NOW(6) WHERE id = p;
                    CREATE TRIGGER products_audit_price AFTER UPDATE ON products FOR EACH ROW FOLLOWS products_audit
                        INSERT INTO audit (product_id, action) VALUES (NEW.id, 'price');
                    SET @saved_mode = @@sql_mode, @saved_zone = @@time_zone, @saved_client = @@character_set_client,
                        @saved_results = @@character_set_results, @saved_connection = @@collation_connection;
                    SET NAMES latin1;
                    SET sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT'), time_zone = '+02:00';
                    CREATE FUNCTION label_of(p INT) RETURNS VARCHAR(120) READS SQL DATA
                        RETURN (SELECT 'L:' || label FROM legacy WHERE id = p);
                    CREATE TRIGGER legacy_trim BEFORE UPDATE ON legacy FOR EACH ROW SET NEW.label = TRIM(NEW.label);
                    CREATE EVENT refresh ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE
                        ENABLE DO UPDATE legacy SET label = label WHERE id < 0;
                    SET sql_mode = @saved_mode, time_zone = @saved_zone, character_set_client = @saved_client,
                        character_set_results = @saved_results, collation_connection = @saved_connection;
                    """);
            s.execute("""
                    INSERT INTO products (sku, name, price, photo, notes, updated_at)
                    SELECT CONCAT('SKU-', seq), CONCAT('produit ', seq, IF(seq %% 7 = 0, ' Ærøskøbing 東京 🚀', '')),
                           (seq * 37 %% 100000) / 100, IF(seq %% 5 = 0, NULL, UNHEX(MD5(seq))),
                           IF(seq %% 3 = 0, NULL, REPEAT('n', seq %% 40)), '2026-01-01 00:00:00.123456'
                    FROM seq_1_to_%d""".formatted(rows));
            s.execute("INSERT INTO legacy SELECT seq, CONCAT('étiquette ', seq) FROM seq_1_to_100");
            s.execute("UPDATE products SET price = price + 1 WHERE id <= 3");
        }
    }

    /** What a routine, trigger or event keeps of the session and database it was created in. */
    private static final String CHARSETS = "CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION";

    /**
     * Schema and content as comparable text: tables and columns; views with their definer, security type and
     * check option; routines with their parameters and modes; triggers in their order; events with their
     * status; the database's character set and collation and the grants on it; rows hashed in primary-key order.
     */
    public static Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            String db = "'" + database + "'";
            collect(s, fingerprint, "table", "SELECT TABLE_NAME, CONCAT_WS(' ', TABLE_TYPE, ENGINE, TABLE_COLLATION) "
                    + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + db);
            collect(s, fingerprint, "column", "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), CONCAT_WS(' ', COLUMN_TYPE,"
                    + " IS_NULLABLE, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_DEFAULT, COLUMN_KEY, EXTRA) "
                    + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + db);
            collect(s, fingerprint, "view", "SELECT TABLE_NAME, CONCAT_WS(' ', DEFINER, SECURITY_TYPE, ALGORITHM, "
                    + "CHECK_OPTION, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, VIEW_DEFINITION) "
                    + "FROM information_schema.VIEWS WHERE TABLE_SCHEMA = " + db);
            collect(s, fingerprint, "routine", "SELECT ROUTINE_NAME, CONCAT_WS(' ', ROUTINE_TYPE, DEFINER, "
                    + "SECURITY_TYPE, DTD_IDENTIFIER, SQL_DATA_ACCESS, IS_DETERMINISTIC, SQL_MODE, ROUTINE_COMMENT, "
                    + CHARSETS + ", ROUTINE_DEFINITION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = " + db);
            collect(s, fingerprint, "parameter", "SELECT CONCAT(SPECIFIC_NAME, '.', ORDINAL_POSITION), CONCAT_WS(' ', "
                    + "PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER) FROM information_schema.PARAMETERS "
                    + "WHERE SPECIFIC_SCHEMA = " + db);
            collect(s, fingerprint, "trigger", "SELECT TRIGGER_NAME, CONCAT_WS(' ', DEFINER, EVENT_MANIPULATION, "
                    + "EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_ORDER, SQL_MODE, " + CHARSETS + ", ACTION_STATEMENT) "
                    + "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + db);
            collect(s, fingerprint, "event", "SELECT EVENT_NAME, CONCAT_WS(' ', DEFINER, STATUS, EVENT_TYPE, "
                    + "EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, ENDS, ON_COMPLETION, TIME_ZONE, SQL_MODE, "
                    + CHARSETS + ", EVENT_COMMENT, EVENT_DEFINITION) FROM information_schema.EVENTS "
                    + "WHERE EVENT_SCHEMA = " + db);
            collect(s, fingerprint, "grant", "SELECT GRANTEE, GROUP_CONCAT(PRIVILEGE_TYPE, ':', IS_GRANTABLE ORDER BY "
                    + "PRIVILEGE_TYPE) FROM information_schema.SCHEMA_PRIVILEGES WHERE TABLE_SCHEMA = " + db
                    + " GROUP BY GRANTEE");
            collect(s, fingerprint, "schema", "SELECT SCHEMA_NAME, CONCAT_WS(' ', DEFAULT_CHARACTER_SET_NAME, "
                    + "DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " + db);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                    + db + " AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                fingerprint.put("rows:" + table, rows(s, table));
            }
        }
        Map<String, String> normalized = new TreeMap<>();
        fingerprint.forEach((k, v) -> normalized.put(k.replace(database, "<db>"),
                v == null ? null : v.replace("`" + database + "`", "`<db>`")));
        return normalized;
    }

    private static String rows(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "` ORDER BY 1")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ResultSetMetaData meta = rs.getMetaData();
            long count = 0;
            while (rs.next()) {
                count++;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    int type = meta.getColumnType(i);
                    boolean binary = type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY
                            || type == java.sql.Types.LONGVARBINARY || type == java.sql.Types.BLOB;
                    byte[] value = binary ? rs.getBytes(i) : rs.getString(i) == null ? null
                            : rs.getString(i).getBytes(StandardCharsets.UTF_8);
                    digest.update(value == null ? "<null>".getBytes(StandardCharsets.UTF_8) : value);
                    digest.update((byte) 0);
                }
            }
            return count + " " + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Statement s, Map<String, String> into, String kind, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(kind + ":" + rs.getString(1), rs.getString(2));
            }
        }
    }

    private MariaDbFixtures() {
    }
}
