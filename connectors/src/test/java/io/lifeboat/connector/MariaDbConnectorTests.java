package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.MariaDbFixtures;
import io.lifeboat.testing.PgFixtures;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbConnectorTests extends ConnectorConformance {

    @Override
    protected String type() {
        return "mariadb";
    }

    @Override
    protected PartSpec createPart(String name) throws Exception {
        PartSpec part = emptyTarget(name);
        MariaDbFixtures.create(part.setting("database"), 20_000);
        return part;
    }

    @Override
    protected PartSpec emptyTarget(String name) {
        return new PartSpec("shop", type(), Map.of("host", MariaDbFixtures.host(),
                "port", Integer.toString(MariaDbFixtures.port()), "database", PgFixtures.uniqueName("lbm_" + name),
                "user", MariaDbFixtures.user()), null);
    }

    @Override
    protected Map<String, String> fingerprint(PartSpec part) throws Exception {
        return MariaDbFixtures.fingerprint(part.setting("database"));
    }

    @Override
    protected void destroy(PartSpec part) throws Exception {
        try (Connection c = MariaDbFixtures.connect(part.setting("database")); Statement s = c.createStatement()) {
            s.execute("DROP VIEW expensive_names; DROP PROCEDURE cheapest; DELETE FROM audit;"
                    + "DELETE FROM products WHERE id % 2 = 0; UPDATE legacy SET label = 'changed';"
                    + "CREATE TABLE intruder (x INT)");
        }
    }

    @Override
    protected void dropPart(PartSpec part) {
        MariaDbFixtures.drop(part.setting("database"));
        assertThat(part.setting("database")).startsWith("lbm_");
    }
}
