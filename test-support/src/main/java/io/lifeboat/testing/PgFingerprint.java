package io.lifeboat.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database's content as comparable text: the schema (tables, columns, indexes, views, functions,
 * sequences, triggers), the database's comment, settings and grants, and an md5 of every table's rows in a
 * canonical order. Two databases are equal when their fingerprints are equal; row counts alone prove nothing.
 */
public final class PgFingerprint {

    public static Map<String, String> of(String database) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection c = PgFixtures.connect(database); Statement s = c.createStatement()) {
            collect(s, fingerprint, "column", """
                    SELECT table_schema || '.' || table_name || '.' || column_name,
                           data_type || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
                    FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')""");
            collect(s, fingerprint, "index", """
                    SELECT schemaname || '.' || indexname, indexdef FROM pg_indexes
                    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""");
            collect(s, fingerprint, "view", """
                    SELECT schemaname || '.' || viewname, definition FROM pg_views
                    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""");
            collect(s, fingerprint, "function", """
                    SELECT n.nspname || '.' || p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')""");
            collect(s, fingerprint, "sequence", """
                    SELECT schemaname || '.' || sequencename,
                           coalesce(last_value::text, 'unused') || ' inc=' || increment_by FROM pg_sequences""");
            collect(s, fingerprint, "constraint", """
                    SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE connamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema')""");
            collect(s, fingerprint, "comment", """
                    SELECT c.relname, obj_description(c.oid) FROM pg_class c
                    WHERE obj_description(c.oid) IS NOT NULL AND c.relnamespace::regnamespace::text = 'public'""");
            collect(s, fingerprint, "trigger", """
                    SELECT tgrelid::regclass::text || '.' || tgname, pg_get_triggerdef(oid) FROM pg_trigger
                    WHERE NOT tgisinternal""");
            collect(s, fingerprint, "database", """
                    SELECT 'comment', shobj_description(oid, 'pg_database') FROM pg_database
                    WHERE datname = current_database()
                    UNION ALL SELECT 'grants', array_to_string(ARRAY(SELECT a::text FROM unnest(datacl) a ORDER BY 1),
                        ',') FROM pg_database WHERE datname = current_database()
                    UNION ALL SELECT 'settings', string_agg(c, ';' ORDER BY c) FROM pg_db_role_setting r,
                        unnest(r.setconfig) c WHERE r.setrole = 0
                        AND r.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())""");
            collect(s, fingerprint, "large-object", """
                    SELECT 'lo-' || row_number() OVER (ORDER BY oid), md5(lo_get(oid)) FROM pg_largeobject_metadata""");
            for (String table : tables(s)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                        + "ORDER BY t::text), '')) FROM " + table + " t")) {
                    rs.next();
                    fingerprint.put("rows:" + table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return fingerprint;
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void collect(Statement s, Map<String, String> into, String kind, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(kind + ":" + rs.getString(1), rs.getString(2));
            }
        }
    }

    private PgFingerprint() {
    }
}
