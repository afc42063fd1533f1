package io.lifeboat.connector.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The server's accounts (users and roles, {@code mysql.user}), and the definers that name them. */
final class Accounts {

    private Accounts() {
    }

    static boolean exists(Connection c, String user, String host) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?")) {
            q.setString(1, user);
            q.setString(2, host);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether a definer as information_schema shows it ({@code user@host}, or a role's name) exists. */
    static boolean definerExists(Connection c, String definer) throws SQLException {
        int at = definer.lastIndexOf('@');
        return at < 0 ? exists(c, definer, "") : exists(c, definer.substring(0, at), definer.substring(at + 1));
    }

    /** For messages: {@code 'user'@'host'}, or {@code 'role'}. */
    static String display(String user, String host) {
        return host.isEmpty() ? "'" + user + "'" : "'" + user + "'@'" + host + "'";
    }

    /** The definers of {@code definitions} that this server lacks. */
    static Set<String> missingDefiners(Connection c, List<Schema.Named> definitions) throws SQLException {
        Set<String> missing = new TreeSet<>();
        for (Schema.Named d : definitions) {
            if (d.definer() != null && !missing.contains(d.definer()) && !definerExists(c, d.definer())) {
                missing.add(d.definer());
            }
        }
        return missing;
    }

    /** "view `v` (definer 'u'@'h'), …" for the definitions whose definer is in {@code definers}. */
    static String describe(List<Schema.Named> definitions, Set<String> definers) {
        List<String> objects = new ArrayList<>();
        for (Schema.Named d : definitions) {
            if (definers.contains(d.definer())) {
                int at = d.definer().lastIndexOf('@');
                String account = at < 0 ? display(d.definer(), "")
                        : display(d.definer().substring(0, at), d.definer().substring(at + 1));
                objects.add(d.kind().toLowerCase() + " " + MariaDbConnector.quote(d.name()) + " (definer " + account
                        + ")");
            }
        }
        return String.join(", ", objects);
    }
}
