package io.lifeboat.connector.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * A view, routine, trigger or event as its {@code SHOW CREATE} statement, with the session settings it was
 * created under (they are part of the object: a routine keeps its {@code sql_mode}, an event its time zone).
 *
 * @param kind    {@code VIEW}, {@code FUNCTION}, {@code PROCEDURE}, {@code PACKAGE}, {@code PACKAGE BODY},
 *                {@code TRIGGER} or {@code EVENT}
 * @param databaseCollation the database's collation when the object was created, which it keeps (not views')
 * @param definer as information_schema shows it, {@code user@host}
 */
record Definition(String kind, String name, String statement, String characterSetClient,
                  String collationConnection, String sqlMode, String timeZone, String databaseCollation,
                  String definer) {

    /** The first {@code DEFINER=} clause of a {@code SHOW CREATE} statement: it stands before the body. */
    private static final Pattern DEFINER = Pattern.compile("DEFINER=(?:`(?:[^`]|``)*`(?:@`(?:[^`]|``)*`)?"
            + "|CURRENT_USER(?:\\(\\))?)");

    /** Reads {@code kind name} in {@code database}: its statement names the objects it uses with their database. */
    static Definition read(Statement s, String database, String kind, String name, String definer)
            throws SQLException {
        String sql = "SHOW CREATE " + kind + " " + quote(database) + "." + quote(name);
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException(kind + " " + name + " disappeared while it was read");
            }
            return switch (kind) {
                case "VIEW" -> new Definition(kind, name, rs.getString(2), rs.getString(3), rs.getString(4), null,
                        null, null, definer);
                case "EVENT" -> new Definition(kind, name, rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(2), rs.getString(3), rs.getString(7), definer);
                default -> new Definition(kind, name, rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(2), null, rs.getString(6), definer);
            };
        }
    }

    /** The same object with {@code CURRENT_USER} as its definer. */
    Definition withCurrentUserAsDefiner() {
        Matcher m = DEFINER.matcher(statement);
        if (!m.find()) {
            throw new IllegalStateException(kind + " " + name + " has no DEFINER clause to replace");
        }
        return new Definition(kind, name, m.replaceFirst("DEFINER=CURRENT_USER"), characterSetClient,
                collationConnection, sqlMode, timeZone, databaseCollation, "CURRENT_USER");
    }

    /**
     * The same object for database {@code to}: a view's statement names its tables and functions with the
     * database it was read from; the other kinds name nothing but themselves and are created in the current database.
     */
    Definition movedTo(String from, String to) {
        if (!kind.equals("VIEW") || from.equals(to)) {
            return this;
        }
        return new Definition(kind, name, statement.replace(quote(from) + ".", quote(to) + "."), characterSetClient,
                collationConnection, sqlMode, timeZone, databaseCollation, definer);
    }

    /**
     * Creates the object in the current database {@code database}, whose collation is {@code collation}, under
     * its own session settings and database collation (as {@code mariadb-dump} does), then puts both back. The
     * client character set is kept when the statement's bytes mean the same in it (the driver sends UTF-8).
     */
    void create(Connection c, Session defaults, String database, String collation) throws SQLException {
        boolean alter = databaseCollation != null && !databaseCollation.equals(collation)
                && databaseCollation.matches("\\w+");
        try (Statement s = c.createStatement()) {
            if (alter) {
                s.execute("ALTER DATABASE " + quote(database) + " COLLATE " + databaseCollation);
            }
            try {
                Session.set(c, sqlMode == null ? defaults.sqlMode() : sqlMode,
                        collationConnection == null ? defaults.collationConnection() : collationConnection,
                        timeZone == null ? defaults.timeZone() : timeZone,
                        keepsMeaning(characterSetClient) ? characterSetClient : defaults.characterSetClient());
                s.execute(statement);
            } finally {
                defaults.restore(c);
                if (alter) {
                    s.execute("ALTER DATABASE " + quote(database) + " COLLATE " + collation);
                }
            }
        }
    }

    void drop(Statement s, String database) throws SQLException {
        s.execute("DROP " + kind + " IF EXISTS " + quote(database) + "." + quote(name));
    }

    private boolean keepsMeaning(String charset) {
        if (charset == null) {
            return false;
        }
        int limit = charset.startsWith("utf8mb4") ? Character.MAX_CODE_POINT + 1 : charset.startsWith("utf8") ? 0x10000
                : 0x80;
        return statement.codePoints().allMatch(cp -> cp < limit);
    }

    /** The session settings that a definition is created under. */
    record Session(String sqlMode, String collationConnection, String timeZone, String characterSetClient) {

        /**
         * Sets the administrative session Lifeboat works in: identifiers quoted with backticks in what
         * {@code SHOW CREATE} prints, and no account created by a grant.
         */
        static Session prepare(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                try {
                    s.execute("SET SESSION sql_mode = 'NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION'");
                } catch (SQLException mysql8) { // which has no such mode, and never creates an account in a grant
                    s.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
                }
                try (ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.collation_connection, "
                        + "@@SESSION.time_zone, @@SESSION.character_set_client")) {
                    rs.next();
                    return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
        }

        static void set(Connection c, String sqlMode, String collation, String timeZone, String charset)
                throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SET SESSION character_set_client = ?, "
                    + "collation_connection = ?, time_zone = ?, sql_mode = ?")) {
                s.setString(1, charset);
                s.setString(2, collation);
                s.setString(3, timeZone);
                s.setString(4, sqlMode);
                s.execute();
            }
        }

        void restore(Connection c) throws SQLException {
            set(c, sqlMode, collationConnection, timeZone, characterSetClient);
        }
    }
}
