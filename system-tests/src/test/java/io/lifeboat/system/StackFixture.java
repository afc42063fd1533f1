package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestProperties;

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
        properties.putAll(TestProperties.lifeboat("it" + id, catalog, TOKEN));
    }

    private Stack stack;

    /** Starts the five services in this JVM; {@link #close()} stops them. */
    Stack start() {
        stack = Stack.start(properties);
        return stack;
    }

    @Override
    public void close() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            PgFixtures.drop(catalog);
        }
    }
}
