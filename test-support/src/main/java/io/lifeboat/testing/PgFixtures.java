package io.lifeboat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates and drops uniquely named databases on the shared PostgreSQL server, with realistic content. */
public final class PgFixtures {

    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestInfra.postgresUrl(database), TestInfra.postgresUser(), "");
    }

    public static void create(String database) throws SQLException {
        admin("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8'");
    }

    public static void drop(String database) {
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + database, e);
        }
    }

    public static void admin(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The databases whose names match a LIKE {@code pattern}. */
    public static List<String> databasesLike(String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect("postgres");
             PreparedStatement query = c.prepareStatement(
                     "SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            query.setString(1, pattern);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    public static boolean exists(String database) throws SQLException {
        try (Connection c = connect("postgres"); var s = c.prepareStatement(
                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Several tables, sequences, indexes, a view, a function and a trigger; {@code rows} rows in the largest
     * table, with NULLs, unicode and bytea values; a large object; a second schema; and the database's own
     * comment, settings ({@code ALTER DATABASE … SET}) and grants.
     */
    public static void populate(String database, int rows) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE customers (
                        id serial PRIMARY KEY,
                        name text NOT NULL,
                        email text UNIQUE,
                        note text,
                        created_at timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z');
                    CREATE TABLE orders (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        customer_id int REFERENCES customers(id),
                        amount numeric(12,2),
                        payload bytea,
                        tags text[],
                        details jsonb);
                    CREATE INDEX orders_customer ON orders (customer_id);
                    CREATE INDEX orders_amount ON orders (amount) WHERE amount > 100;
                    CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 7;
                    CREATE TABLE invoices (number int DEFAULT nextval('invoice_numbers'), order_id bigint);
                    CREATE SCHEMA billing;
                    CREATE TABLE billing."Ledger Entries" (id int PRIMARY KEY, "Note" text);
                    CREATE VIEW big_orders AS SELECT o.id, c.name, o.amount FROM orders o
                        JOIN customers c ON c.id = o.customer_id WHERE o.amount > 500;
                    CREATE FUNCTION order_total(cid int) RETURNS numeric LANGUAGE sql STABLE
                        AS $$ SELECT coalesce(sum(amount), 0) FROM orders WHERE customer_id = cid $$;
                    COMMENT ON TABLE orders IS 'orders, with a comment';
                    """);
            s.execute("""
                    INSERT INTO customers (name, email, note)
                    SELECT 'customer ' || g || CASE WHEN g %% 7 = 0 THEN ' Zoë Ærø 東京 🚀' ELSE '' END,
                           CASE WHEN g %% 11 = 0 THEN NULL ELSE 'c' || g || '@example.com' END,
                           CASE WHEN g %% 3 = 0 THEN NULL ELSE repeat('n', g %% 50) END
                    FROM generate_series(1, %d) g""".formatted(Math.max(10, rows / 10)));
            s.execute("""
                    INSERT INTO orders (customer_id, amount, payload, tags, details)
                    SELECT 1 + g %% %d,
                           CASE WHEN g %% 13 = 0 THEN NULL ELSE (g * 37 %% 100000) / 100.0 END,
                           CASE WHEN g %% 5 = 0 THEN NULL ELSE decode(md5(g::text) || md5((g * 3)::text), 'hex') END,
                           ARRAY['t' || (g %% 4), 'ü' || (g %% 3)],
                           jsonb_build_object('n', g, 'even', g %% 2 = 0, 'name', 'ñandú ' || g)
                    FROM generate_series(1, %d) g""".formatted(Math.max(10, rows / 10), rows));
            s.execute("INSERT INTO invoices (order_id) SELECT g FROM generate_series(1, 500) g");
            s.execute("INSERT INTO billing.\"Ledger Entries\" SELECT g, 'entry \"' || g || '\"' "
                    + "FROM generate_series(1, 300) g");
            s.execute("SELECT lo_from_bytea(0, convert_to('a large object, Ω', 'UTF8'))");
            s.execute("""
                    CREATE FUNCTION invoice_default() RETURNS trigger LANGUAGE plpgsql
                        AS $$ BEGIN NEW.order_id := coalesce(NEW.order_id, 0); RETURN NEW; END $$;
                    CREATE TRIGGER invoices_default BEFORE INSERT ON invoices FOR EACH ROW
                        EXECUTE FUNCTION invoice_default();
                    COMMENT ON DATABASE %1$s IS 'the shop''s database';
                    ALTER DATABASE %1$s SET work_mem = '64MB';
                    ALTER DATABASE %1$s SET search_path = "$user", public, billing;
                    REVOKE TEMPORARY ON DATABASE %1$s FROM PUBLIC;
                    """.formatted(database));
            s.execute("ANALYZE");
        }
    }

    private PgFixtures() {
    }
}
