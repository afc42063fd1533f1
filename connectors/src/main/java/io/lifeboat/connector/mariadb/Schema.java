package io.lifeboat.connector.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * A database's objects, from its information_schema: its tables (base tables, sequences, system-versioned
 * tables), which {@code RENAME TABLE} moves, and its definitions (routines, views, triggers, events), which
 * are recreated from their statements, in an order in which they can be: routines before the views that call
 * them, triggers in their action order.
 */
record Schema(List<String> tables, List<Definition> definitions) {

    static final Schema EMPTY = new Schema(List.of(), List.of());

    /** A definition as information_schema names it. */
    record Named(String kind, String name, String definer) {
    }

    private static final List<String> NAMED = List.of(
            "SELECT ROUTINE_TYPE, ROUTINE_NAME, DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? "
                    + "ORDER BY ROUTINE_TYPE, ROUTINE_NAME",
            "SELECT 'VIEW', TABLE_NAME, DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
            "SELECT 'TRIGGER', TRIGGER_NAME, DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
                    + "ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER",
            "SELECT 'EVENT', EVENT_NAME, DEFINER FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? "
                    + "ORDER BY EVENT_NAME");

    static Schema read(Connection c, String database) throws SQLException {
        List<Definition> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Named object : named(c, database)) {
                definitions.add(Definition.read(s, database, object.kind(), object.name(), object.definer()));
            }
        }
        return new Schema(tables(c, database), definitions);
    }

    /** Base tables, sequences and system-versioned tables: everything but views. */
    static List<String> tables(Connection c, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW' ORDER BY TABLE_NAME")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    static List<Named> named(Connection c, String database) throws SQLException {
        List<Named> named = new ArrayList<>();
        for (String sql : NAMED) {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        named.add(new Named(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return named;
    }

    /** Counts by kind: {@code tables}, {@code views}, {@code routines}, {@code triggers}, {@code events}. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("tables", (long) tables.size());
        for (String kind : List.of("views", "routines", "triggers", "events")) {
            counts.put(kind, 0L);
        }
        for (Definition d : definitions) {
            String kind = switch (d.kind()) {
                case "VIEW" -> "views";
                case "TRIGGER" -> "triggers";
                case "EVENT" -> "events";
                default -> "routines";
            };
            counts.merge(kind, 1L, Long::sum);
        }
        return counts;
    }

    /** Drops every view, routine, trigger and event that {@code database} holds now; its tables stay. */
    static void dropDefinitions(Connection c, String database) throws SQLException {
        List<Named> named = new ArrayList<>(named(c, database));
        // package bodies before their packages
        named.sort((a, b) -> Boolean.compare(!a.kind().equals("PACKAGE BODY"), !b.kind().equals("PACKAGE BODY")));
        try (Statement s = c.createStatement()) {
            for (Named object : named) {
                s.execute("DROP " + object.kind() + " IF EXISTS " + quote(database) + "." + quote(object.name()));
            }
        }
    }

    /**
     * Creates the definitions in {@code to}, as read from {@code from}. Views that use other views are retried
     * until every view exists.
     */
    void createDefinitions(Connection c, String from, String to, Definition.Session session) throws SQLException {
        String collation;
        try (Statement s = c.createStatement()) {
            s.execute("USE " + quote(to));
            try (ResultSet rs = s.executeQuery("SELECT @@collation_database")) {
                rs.next();
                collation = rs.getString(1);
            }
        }
        List<Definition> views = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.kind().equals("VIEW")) {
                views.add(d.movedTo(from, to));
                continue;
            }
            createAll(c, views, session, to, collation);
            views.clear();
            d.create(c, session, to, collation);
        }
        createAll(c, views, session, to, collation);
    }

    private static void createAll(Connection c, List<Definition> definitions, Definition.Session session,
                                  String database, String collation) throws SQLException {
        List<Definition> left = new ArrayList<>(definitions);
        SQLException last = null;
        while (!left.isEmpty()) {
            List<Definition> failed = new ArrayList<>();
            for (Definition d : left) {
                try {
                    d.create(c, session, database, collation);
                } catch (SQLException e) {
                    failed.add(d);
                    last = e;
                }
            }
            if (failed.size() == left.size()) {
                throw last;
            }
            left = failed;
        }
    }

    /** Moves tables in one atomic {@code RENAME TABLE}: each {@code [database, table, database, table]}. */
    static void rename(Statement s, List<String[]> moves) throws SQLException {
        if (moves.isEmpty()) {
            return;
        }
        List<String> clauses = new ArrayList<>();
        for (String[] m : moves) {
            clauses.add(quote(m[0]) + "." + quote(m[1]) + " TO " + quote(m[2]) + "." + quote(m[3]));
        }
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
        s.execute("RENAME TABLE " + String.join(", ", clauses));
    }
}
