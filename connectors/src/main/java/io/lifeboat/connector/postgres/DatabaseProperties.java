package io.lifeboat.connector.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.lifeboat.connector.postgres.PostgresConnector.literal;
import static io.lifeboat.connector.postgres.PostgresConnector.quote;

/**
 * What belongs to the database itself rather than to its schema, which {@code pg_dump} of one database leaves
 * out: its comment, its settings ({@code ALTER DATABASE … SET}, also per role) and its grants. Read at the cut
 * into the part's facts, and applied to the staging database before anything is switched.
 */
final class DatabaseProperties {

    static final String COMMENT = "db_comment";
    static final String SETTINGS = "db_settings";
    static final String ROLE_SETTINGS = "db_role_settings";
    static final String ACL = "db_acl";

    /** Settings whose value is a list: each element is quoted on its own, as pg_dump does. */
    private static final Set<String> LISTS = Set.of("search_path", "temp_tablespaces", "session_preload_libraries",
            "shared_preload_libraries", "local_preload_libraries");

    private DatabaseProperties() {
    }

    static Map<String, String> read(Connection connection) throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT shobj_description(oid, 'pg_database'), datacl::text "
                    + "FROM pg_database WHERE datname = current_database()")) {
                rs.next();
                putIfPresent(facts, COMMENT, rs.getString(1));
                putIfPresent(facts, ACL, rs.getString(2));
            }
            List<String> settings = new ArrayList<>();
            List<String> roleSettings = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT CASE WHEN r.setrole = 0 THEN NULL ELSE pg_get_userbyid(r.setrole) END, c
                    FROM pg_db_role_setting r, unnest(r.setconfig) c
                    WHERE r.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                    ORDER BY 1 NULLS FIRST, 2""")) {
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        settings.add(encode(rs.getString(2)));
                    } else {
                        roleSettings.add(encode(rs.getString(1)) + " " + encode(rs.getString(2)));
                    }
                }
            }
            putIfPresent(facts, SETTINGS, settings.isEmpty() ? null : String.join("\n", settings));
            putIfPresent(facts, ROLE_SETTINGS, roleSettings.isEmpty() ? null : String.join("\n", roleSettings));
        }
        return facts;
    }

    /** Gives {@code database} the comment, settings and grants in {@code facts}; absent ones stay as created. */
    static void apply(Statement admin, String database, Map<String, String> facts) throws SQLException {
        String db = quote(database);
        if (facts.containsKey(COMMENT)) {
            admin.execute("COMMENT ON DATABASE " + db + " IS " + literal(facts.get(COMMENT)));
        }
        for (String item : lines(facts.get(SETTINGS))) {
            admin.execute("ALTER DATABASE " + db + " SET " + assignment(decode(item)));
        }
        for (String line : lines(facts.get(ROLE_SETTINGS))) {
            String[] roleAndItem = line.split(" ", -1);
            if (roleAndItem.length != 2) {
                throw new IllegalArgumentException("a per-role database setting is malformed");
            }
            admin.execute("ALTER ROLE " + quote(decode(roleAndItem[0])) + " IN DATABASE " + db + " SET "
                    + assignment(decode(roleAndItem[1])));
        }
        if (facts.containsKey(ACL)) {
            admin.execute("REVOKE ALL ON DATABASE " + db + " FROM PUBLIC");
            for (Acl.Grant grant : Acl.parse(facts.get(ACL))) {
                admin.execute("GRANT " + String.join(", ", grant.privileges()) + " ON DATABASE " + db + " TO "
                        + (grant.grantee().isEmpty() ? "PUBLIC" : quote(grant.grantee()))
                        + (grant.withGrantOption() ? " WITH GRANT OPTION" : ""));
            }
        }
    }

    /** {@code name=value} as stored in {@code setconfig}, as the {@code name = value} of an {@code ALTER … SET}. */
    static String assignment(String item) {
        int eq = item.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("a database setting has no name");
        }
        String name = item.substring(0, eq);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("database setting '" + name + "' has an unexpected name");
        }
        String value = item.substring(eq + 1);
        if (!LISTS.contains(name.toLowerCase())) {
            return name + " = " + literal(value);
        }
        List<String> quoted = new ArrayList<>();
        for (String element : listElements(value)) {
            quoted.add(literal(element));
        }
        return name + " = " + String.join(", ", quoted);
    }

    /** The elements of a list setting as PostgreSQL flattens it: {@code "$user", public}. */
    static List<String> listElements(String value) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                elements.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty() || !elements.isEmpty()) {
            elements.add(current.toString().trim());
        }
        return elements;
    }

    /**
     * Each stored name and value is base64 (of UTF-8), one per line: a value holding a newline or a space (a
     * quoted identifier may) cannot make another line, nor another statement.
     */
    static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }

    private static void putIfPresent(Map<String, String> facts, String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }
}
