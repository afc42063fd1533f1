package io.lifeboat.connector.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * What a switch-over replaced, recorded on the server before it changes anything, so that a switch-back (also
 * by a later run) can put it back: whether the live database existed, its character set and collation, its
 * grants, its tables (moved into the kept-aside database) and its definitions as statements. It is the table
 * {@value #TABLE} of the kept-aside database, which is never moved into the live one; a live database cannot
 * hold a table of that name (staging refuses it).
 *
 * @param ready    every row was written (one transaction); before that, nothing was changed
 * @param switched the switch-over completed, so that it may be committed
 */
record SwitchState(boolean liveExisted, String charset, String collation, List<Grants.Grant> grants,
                   List<String> tables, List<Definition> definitions, boolean ready, boolean switched) {

    static final String TABLE = "lifeboat$restore";

    /** Creates the kept-aside database with this state in it, in one transaction. */
    void record(Connection c, String aside) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quote(aside) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("CREATE TABLE " + table(aside) + " (seq INT PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
                    + "name VARCHAR(255), body LONGTEXT, character_set_client VARCHAR(64), "
                    + "collation_connection VARCHAR(64), sql_mode TEXT, time_zone VARCHAR(64), database_collation VARCHAR(64), "
                    + "definer VARCHAR(400)) "
                    + "ENGINE=InnoDB");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table(aside)
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            add(insert, ++seq, "live", null, Boolean.toString(liveExisted));
            add(insert, ++seq, "charset", null, charset);
            add(insert, ++seq, "collation", null, collation);
            add(insert, ++seq, "grants", null, Grants.encode(grants));
            for (String t : tables) {
                add(insert, ++seq, "table", t, null);
            }
            for (Definition d : definitions) {
                insert.setInt(1, ++seq);
                insert.setString(2, d.kind());
                insert.setString(3, d.name());
                insert.setString(4, d.statement());
                insert.setString(5, d.characterSetClient());
                insert.setString(6, d.collationConnection());
                insert.setString(7, d.sqlMode());
                insert.setString(8, d.timeZone());
                insert.setString(9, d.databaseCollation());
                insert.setString(10, d.definer());
                insert.addBatch();
            }
            add(insert, ++seq, "ready", null, null);
            insert.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static void markSwitched(Connection c, String aside) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT IGNORE INTO " + table(aside) + " (seq, kind) SELECT MAX(seq) + 1, 'switched' FROM "
                    + table(aside));
        }
    }

    /** The state a switch-over left in {@code aside}; empty when it holds none (or does not exist). */
    static Optional<SwitchState> read(Connection c, String aside) throws SQLException {
        if (!Schema.tables(c, aside).contains(TABLE)) {
            return Optional.empty();
        }
        boolean liveExisted = false;
        boolean ready = false;
        boolean switched = false;
        String charset = null;
        String collation = null;
        List<Grants.Grant> grants = List.of();
        List<String> tables = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, name, body, character_set_client, collation_connection, "
                     + "sql_mode, time_zone, database_collation, definer FROM " + table(aside) + " ORDER BY seq")) {
            while (rs.next()) {
                String body = rs.getString(3);
                switch (rs.getString(1)) {
                    case "live" -> liveExisted = Boolean.parseBoolean(body);
                    case "charset" -> charset = body;
                    case "collation" -> collation = body;
                    case "grants" -> grants = Grants.decode(body == null ? "" : body);
                    case "table" -> tables.add(rs.getString(2));
                    case "ready" -> ready = true;
                    case "switched" -> switched = true;
                    default -> definitions.add(new Definition(rs.getString(1), rs.getString(2), body,
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
        }
        return Optional.of(new SwitchState(liveExisted, charset, collation, grants, tables, definitions, ready,
                switched));
    }

    Schema schema() {
        return new Schema(tables, definitions);
    }

    private static String table(String aside) {
        return quote(aside) + "." + quote(TABLE);
    }

    private static void add(PreparedStatement insert, int seq, String kind, String name, String body)
            throws SQLException {
        insert.setInt(1, seq);
        insert.setString(2, kind);
        insert.setString(3, name);
        insert.setString(4, body);
        for (int i = 5; i <= 10; i++) {
            insert.setString(i, null);
        }
        insert.addBatch();
    }
}
