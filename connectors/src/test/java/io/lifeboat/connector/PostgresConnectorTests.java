package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresConnectorTests extends ConnectorConformance {

    @Override
    protected String type() {
        return "postgresql";
    }

    @Override
    protected PartSpec createPart(String name) throws Exception {
        PartSpec part = emptyTarget(name);
        PgFixtures.create(part.setting("database"));
        PgFixtures.populate(part.setting("database"), 20_000);
        return part;
    }

    @Override
    protected PartSpec emptyTarget(String name) {
        return new PartSpec("database", type(), Map.of("host", TestInfra.postgresHost(),
                "port", Integer.toString(TestInfra.postgresPort()), "database", PgFixtures.uniqueName("lbc_" + name),
                "user", TestInfra.postgresUser()), null);
    }

    @Override
    protected Map<String, String> fingerprint(PartSpec part) throws Exception {
        return PgFingerprint.of(part.setting("database"));
    }

    @Override
    protected void destroy(PartSpec part) throws Exception {
        try (Connection c = PgFixtures.connect(part.setting("database")); Statement s = c.createStatement()) {
            s.execute("DROP VIEW big_orders; DROP TABLE invoices; DELETE FROM orders WHERE id % 2 = 0;"
                    + "UPDATE customers SET name = 'changed' WHERE id < 10; SELECT setval('invoice_numbers', 5)");
        }
    }

    /** Counted through information_schema and the large-object catalog, unlike the connector (pg_catalog). */
    @Override
    protected Map<String, Long> catalogCounts(PartSpec part) throws Exception {
        String user = "table_schema NOT IN ('pg_catalog', 'information_schema')";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("schemas", "SELECT count(*) FROM information_schema.schemata WHERE schema_name NOT IN "
                + "('pg_catalog', 'information_schema') AND schema_name NOT LIKE 'pg\\_toast%'");
        queries.put("tables", "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND "
                + user);
        queries.put("views", "SELECT count(*) FROM information_schema.views WHERE " + user);
        queries.put("materialized_views", "SELECT count(*) FROM pg_matviews");
        queries.put("sequences", "SELECT count(*) FROM information_schema.sequences");
        queries.put("routines", "SELECT count(*) FROM information_schema.routines WHERE specific_schema NOT IN "
                + "('pg_catalog', 'information_schema')");
        queries.put("triggers", "SELECT count(DISTINCT (trigger_schema, event_object_table, trigger_name)) FROM "
                + "information_schema.triggers");
        queries.put("types", "SELECT (SELECT count(*) FROM information_schema.user_defined_types) + "
                + "(SELECT count(*) FROM information_schema.domains WHERE domain_schema <> 'information_schema') + "
                + "(SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE t.typtype IN ('e', 'r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema'))");
        queries.put("extensions", "SELECT count(*) FROM pg_available_extensions WHERE installed_version IS NOT NULL "
                + "AND name <> 'plpgsql'");
        queries.put("large_objects", "SELECT count(DISTINCT loid) FROM pg_largeobject");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = PgFixtures.connect(part.setting("database")); Statement s = c.createStatement()) {
            for (var query : queries.entrySet()) {
                try (var rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    counts.put(query.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Override
    protected void dropPart(PartSpec part) {
        PgFixtures.drop(part.setting("database"));
        assertThat(part.setting("database")).isNotBlank();
    }
}
