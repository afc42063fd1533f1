package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.PgFingerprint;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;

import java.sql.Connection;
import java.sql.Statement;
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

    @Override
    protected void dropPart(PartSpec part) {
        PgFixtures.drop(part.setting("database"));
        assertThat(part.setting("database")).isNotBlank();
    }
}
