package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestInfra;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Lifeboat on the real infrastructure: its own catalog database, Kafka topic namespace and S3
 * bucket, so that tests never see each other's data.
 */
final class StackFixture implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String catalog = "lifeboat_it_" + id;
    final Map<String, String> properties = new LinkedHashMap<>();

    StackFixture() throws Exception {
        PgFixtures.create(catalog);
        properties.put("spring.datasource.url", TestInfra.postgresUrl(catalog));
        properties.put("spring.datasource.username", TestInfra.postgresUser());
        properties.put("spring.datasource.password", "");
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestInfra.kafkaBootstrap());
        properties.put("lifeboat.kafka.namespace", "it" + id + ".");
        properties.put("lifeboat.storage.locations[0].name", "zone-a");
        properties.put("lifeboat.storage.locations[0].type", "s3");
        properties.put("lifeboat.storage.locations[0].endpoint", TestInfra.s3Endpoint().toString());
        properties.put("lifeboat.storage.locations[0].bucket", "lifeboat-it-" + id);
        properties.put("lifeboat.storage.locations[0].access-key", TestInfra.s3AccessKey());
        properties.put("lifeboat.storage.locations[0].secret-key", TestInfra.s3SecretKey());
        properties.put("lifeboat.storage.master-keys", "k1:" + randomKey());
        properties.put("lifeboat.secrets.key", randomKey());
        properties.put("lifeboat.gateway.admin-token", TOKEN);
        properties.put("lifeboat.outbox.poll-millis", "200");
        properties.put("server.port", "0");
    }

    Stack start() {
        return Stack.start(properties);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        PgFixtures.drop(catalog);
    }
}
