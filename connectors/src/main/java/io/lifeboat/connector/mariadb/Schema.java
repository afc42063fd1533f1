package io.lifeboat.connector.mariadb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/** A database's objects: its base tables, and the definitions (views, triggers, routines, events) around them. */
record Schema(List<String> tables, List<String> views, List<String> triggers, List<String[]> routines,
              List<String> events) {

    static Schema read(Statement s, String database) throws SQLException {
        String db = "'" + database.replace("'", "''") + "'";
        return new Schema(
                names(s, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + db
                        + " AND TABLE_TYPE = 'BASE TABLE'"),
                names(s, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = " + db),
                names(s, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = " + db),
                pairs(s, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                        + db),
                names(s, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = " + db));
    }

    /** Drops views, triggers, routines and events; the tables stay. */
    void dropDefinitions(Statement s, String database) throws SQLException {
        String db = quote(database) + ".";
        for (String view : views) {
            s.execute("DROP VIEW IF EXISTS " + db + quote(view));
        }
        dropTriggers(s, database);
        for (String[] routine : routines) {
            s.execute("DROP " + routine[0] + " IF EXISTS " + db + quote(routine[1]));
        }
        for (String event : events) {
            s.execute("DROP EVENT IF EXISTS " + db + quote(event));
        }
    }

    void dropTriggers(Statement s, String database) throws SQLException {
        for (String trigger : triggers) {
            s.execute("DROP TRIGGER IF EXISTS " + quote(database) + "." + quote(trigger));
        }
    }

    /**
     * Recreates in {@code to} (the current database) the views, triggers, routines and events defined in
     * {@code from}, from their SHOW CREATE statements. Views that depend on other views are retried until
     * every view exists.
     */
    void createDefinitions(Statement s, String from, String to) throws SQLException {
        List<String> pending = new ArrayList<>();
        for (String view : views) {
            pending.add(show(s, "SHOW CREATE VIEW " + quote(from) + "." + quote(view), 2, from, to));
        }
        createAll(s, pending);
        for (String[] routine : routines) {
            s.execute(show(s, "SHOW CREATE " + routine[0] + " " + quote(from) + "." + quote(routine[1]), 3, from, to));
        }
        for (String event : events) {
            s.execute(show(s, "SHOW CREATE EVENT " + quote(from) + "." + quote(event), 4, from, to));
        }
    }

    /** Trigger definitions must be read before the staged tables move; call before the rename. */
    List<String> triggerDefinitions(Statement s, String from, String to) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String trigger : triggers) {
            definitions.add(show(s, "SHOW CREATE TRIGGER " + quote(from) + "." + quote(trigger), 3, from, to));
        }
        return definitions;
    }

    private static void createAll(Statement s, List<String> statements) throws SQLException {
        List<String> left = new ArrayList<>(statements);
        SQLException last = null;
        while (!left.isEmpty()) {
            List<String> failed = new ArrayList<>();
            for (String sql : left) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    failed.add(sql);
                    last = e;
                }
            }
            if (failed.size() == left.size()) {
                throw last;
            }
            left = failed;
        }
    }

    private static String show(Statement s, String sql, int column, String from, String to) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(column).replace(quote(from) + ".", quote(to) + ".");
        }
    }

    private static List<String> names(Statement s, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String[]> pairs(Statement s, String sql) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                pairs.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return pairs;
    }
}
