package io.lifeboat.connector.postgres;

import io.lifeboat.connector.ConnectorException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a restored database holds, counted by kind from its pg_catalog: user objects, not extension members. */
final class CatalogCounts {

    private static final String USER_OBJECT = """
             n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%%'
             AND n.nspname NOT LIKE 'pg\\_temp%%' AND NOT EXISTS (SELECT 1 FROM pg_depend d
             WHERE d.classid = '%s'::regclass AND d.objid = o.oid AND d.deptype = 'e')""";

    private static final Map<String, String> QUERIES = queries();

    private CatalogCounts() {
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("schemas", "SELECT count(*) FROM pg_namespace o JOIN pg_namespace n ON n.oid = o.oid WHERE"
                + userObject("pg_namespace"));
        relations(queries, "tables", "'r', 'p'");
        relations(queries, "views", "'v'");
        relations(queries, "materialized_views", "'m'");
        relations(queries, "sequences", "'S'");
        // an identity column's sequence is part of its table, as information_schema sees it
        queries.computeIfPresent("sequences", (kind, query) -> query + " AND NOT EXISTS (SELECT 1 FROM pg_depend i "
                + "WHERE i.classid = 'pg_class'::regclass AND i.objid = o.oid AND i.deptype = 'i')");
        queries.put("routines", "SELECT count(*) FROM pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace WHERE"
                + userObject("pg_proc"));
        queries.put("triggers", "SELECT count(*) FROM pg_trigger t JOIN pg_class o ON o.oid = t.tgrelid "
                + "JOIN pg_namespace n ON n.oid = o.relnamespace WHERE NOT t.tgisinternal AND"
                + userObject("pg_class"));
        queries.put("types", "SELECT count(*) FROM pg_type o JOIN pg_namespace n ON n.oid = o.typnamespace "
                + "WHERE (o.typtype IN ('e', 'd', 'r', 'm') OR (o.typtype = 'c' AND (SELECT relkind FROM pg_class "
                + "WHERE oid = o.typrelid) = 'c')) AND" + userObject("pg_type"));
        queries.put("extensions", "SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'");
        queries.put("large_objects", "SELECT count(*) FROM pg_largeobject_metadata");
        return queries;
    }

    private static String userObject(String catalog) {
        return " " + USER_OBJECT.formatted(catalog);
    }

    private static void relations(Map<String, String> queries, String kind, String relkinds) {
        queries.put(kind, "SELECT count(*) FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace "
                + "WHERE o.relkind IN (" + relkinds + ") AND" + userObject("pg_class"));
    }

    static Map<String, Long> of(PostgresConnector.Target target, String database) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = target.connect(database); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    counts.put(query.getKey(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new ConnectorException(target.name() + ": counting the restored objects failed: " + e.getMessage(),
                    false, e);
        }
        return Collections.unmodifiableMap(counts);
    }
}
