package io.lifeboat.cli;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TestProperties;

import java.util.Map;
import java.util.UUID;

/**
 * The five services in this JVM on the real infrastructure, as in the system tests: its own catalog
 * database, Kafka topic namespace and S3 bucket, so that test classes never see each other's data.
 */
final class CliStack implements AutoCloseable {

    static final String TOKEN = "cli-test-admin-token-" + UUID.randomUUID();

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String catalog = "lifeboat_cli_" + id;
    private final Stack stack;

    /** @param files the base of the file roots: a project's mounts and code are below {@code files/<project>} */
    CliStack(java.nio.file.Path files) throws Exception {
        PgFixtures.create(catalog);
        Map<String, String> properties = new java.util.HashMap<>(TestProperties.lifeboat("cli" + id, catalog, TOKEN));
        properties.put("lifeboat.files.roots", files.toRealPath() + "/{project}");
        try {
            stack = Stack.start(properties);
        } catch (RuntimeException e) {
            PgFixtures.drop(catalog);
            throw e;
        }
    }

    String url() {
        return stack.gatewayUrl();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            PgFixtures.drop(catalog);
        }
    }
}
