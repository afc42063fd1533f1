package io.lifeboat.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a Lifeboat service needs to run on this machine's test infrastructure, with everything it
 * writes kept apart: its own catalog database, topic namespace and bucket, and fresh keys.
 */
public final class TestProperties {

    /**
     * @param name    a unique name: the topic namespace and the bucket derive from it
     * @param catalog the catalog database, which the caller creates and drops
     */
    public static Map<String, String> lifeboat(String name, String catalog, String adminToken) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", TestInfra.postgresUrl(catalog));
        properties.put("spring.datasource.username", TestInfra.postgresUser());
        properties.put("spring.datasource.password", "");
        // the services of several test runs share one PostgreSQL server: keep each pool small
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestInfra.kafkaBootstrap());
        properties.put("lifeboat.kafka.namespace", name + ".");
        properties.put("lifeboat.storage.locations[0].name", "zone-a");
        properties.put("lifeboat.storage.locations[0].type", "s3");
        properties.put("lifeboat.storage.locations[0].endpoint", TestInfra.s3Endpoint().toString());
        properties.put("lifeboat.storage.locations[0].bucket", "lifeboat-" + name);
        properties.put("lifeboat.storage.locations[0].access-key", TestInfra.s3AccessKey());
        properties.put("lifeboat.storage.locations[0].secret-key", TestInfra.s3SecretKey());
        properties.put("lifeboat.storage.master-keys", "k1:" + randomKey());
        properties.put("lifeboat.secrets.key", randomKey());
        properties.put("lifeboat.gateway.admin-token", adminToken);
        properties.put("lifeboat.outbox.poll-millis", "200");
        properties.put("server.port", "0");
        return properties;
    }

    /** A random 256-bit key, base64. */
    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private TestProperties() {
    }
}
