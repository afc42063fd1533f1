package io.lifeboat.connector.mariadb;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static io.lifeboat.connector.mariadb.MariaDbConnector.quote;

/**
 * The grants on one database ({@code GRANT … ON db.*}), as {@code mysql.db} holds them: one row per account,
 * for the database's name as written ({@code shop_1}) or with its wildcards escaped ({@code shop\_1}). Grants on
 * patterns that merely match the database ({@code shop%}) belong to no one database and are left alone.
 *
 * <p>Stored in the part's facts, one grant a line: {@code base64(user) base64(host) exact|escaped Select,Grant,…},
 * the privileges as {@code mysql.db}'s column names without {@code _priv}. Names are base64 and privileges
 * come from a fixed list, so a stored value cannot make a statement of its own.
 */
final class Grants {

    static final String FACT = "grants";

    /** The privilege columns of {@code mysql.db} (MariaDB up to 11, MySQL 8), without {@code _priv}. */
    private static final Set<String> PRIVILEGES = Set.of("Select", "Insert", "Update", "Delete", "Create", "Drop",
            "Grant", "References", "Index", "Alter", "Create_tmp_table", "Lock_tables", "Create_view", "Show_view",
            "Create_routine", "Alter_routine", "Execute", "Event", "Trigger", "Delete_history", "Show_create_routine");

    /** One account's privileges on the database. */
    record Grant(String user, String host, boolean escaped, List<String> privileges) {

        Grant {
            for (String p : privileges) {
                if (!PRIVILEGES.contains(p)) {
                    throw new IllegalArgumentException("a database grant has a privilege this version does not "
                            + "know: " + (p.matches("\\w{1,64}") ? p : "(unreadable)"));
                }
            }
        }

        /** The account as a grant names it: {@code `user`@`host`}, or {@code `role`}. */
        String account() {
            return host.isEmpty() ? quote(user) : quote(user) + "@" + quote(host);
        }

        String display() {
            return Accounts.display(user, host);
        }

        String on(String database) {
            return quote(escaped ? escape(database) : database) + ".*";
        }

        void grant(Statement s, String database) throws SQLException {
            List<String> names = new ArrayList<>();
            for (String p : privileges) {
                if (!p.equalsIgnoreCase("Grant")) {
                    names.add(p.equalsIgnoreCase("Create_tmp_table") ? "CREATE TEMPORARY TABLES"
                            : p.replace('_', ' ').toUpperCase());
                }
            }
            boolean option = privileges.stream().anyMatch(p -> p.equalsIgnoreCase("Grant"));
            s.execute("GRANT " + (names.isEmpty() ? "USAGE" : String.join(", ", names)) + " ON " + on(database)
                    + " TO " + account() + (option ? " WITH GRANT OPTION" : ""));
        }

        void revoke(Statement s, String database) throws SQLException {
            s.execute("REVOKE ALL PRIVILEGES ON " + on(database) + " FROM " + account());
            if (privileges.stream().anyMatch(p -> p.equalsIgnoreCase("Grant"))) {
                s.execute("REVOKE GRANT OPTION ON " + on(database) + " FROM " + account());
            }
        }

        String encode() {
            return b64(user) + " " + b64(host) + " " + (escaped ? "escaped" : "exact") + " "
                    + String.join(",", privileges);
        }
    }

    private Grants() {
    }

    /** The grants on {@code database}; reading them needs {@code SELECT} on {@code mysql.db}. */
    static List<Grant> read(Connection c, String database) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM mysql.db WHERE Db = ? OR Db = ? "
                + "ORDER BY User, Host, Db")) {
            q.setString(1, database);
            q.setString(2, escape(database));
            try (ResultSet rs = q.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<String> privileges = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i);
                        if (column.endsWith("_priv") && "Y".equalsIgnoreCase(rs.getString(i))) {
                            privileges.add(column.substring(0, column.length() - "_priv".length()));
                        }
                    }
                    boolean escaped = !rs.getString("Db").equals(database);
                    grants.add(new Grant(rs.getString("User"), rs.getString("Host"), escaped, privileges));
                }
            }
        }
        return grants;
    }

    /** Gives {@code database} exactly {@code wanted}: every grant it has now is revoked first. */
    static void replace(Connection c, String database, List<Grant> wanted) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Grant g : read(c, database)) {
                g.revoke(s, database);
            }
            for (Grant g : wanted) {
                g.grant(s, database);
            }
        }
    }

    /** The accounts that {@code grants} name and this server lacks, for messages. */
    static List<String> missingAccounts(Connection c, List<Grant> grants) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (Grant g : grants) {
            if (!Accounts.exists(c, g.user(), g.host())) {
                missing.add(g.display());
            }
        }
        return missing;
    }

    static String encode(List<Grant> grants) {
        List<String> lines = new ArrayList<>();
        grants.forEach(g -> lines.add(g.encode()));
        return String.join("\n", lines);
    }

    static List<Grant> decode(String stored) {
        List<Grant> grants = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ", -1);
            if (f.length != 4 || !(f[2].equals("exact") || f[2].equals("escaped"))) {
                throw new IllegalArgumentException("a stored database grant is malformed");
            }
            grants.add(new Grant(unb64(f[0]), unb64(f[1]), f[2].equals("escaped"),
                    f[3].isEmpty() ? List.of() : List.of(f[3].split(","))));
        }
        return grants;
    }

    /** The database's name as a grant pattern that matches it alone. */
    static String escape(String database) {
        return database.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
