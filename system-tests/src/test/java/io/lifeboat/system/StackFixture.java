package io.lifeboat.system;

import io.lifeboat.launcher.Stack;
import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TempTrees;
import io.lifeboat.testing.TestProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Lifeboat on the real infrastructure: its own catalog database, Kafka topic namespace and S3
 * bucket, so that tests never see each other's data. Each project's files are below {@link #dir(String)}, the
 * project's root in {@code lifeboat.files.roots}.
 */
final class StackFixture implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String catalog = "lifeboat_it_" + id;
    final Map<String, String> properties = new LinkedHashMap<>();
    /** The base of the projects' file roots, {@code <files>/<project>}. */
    final Path files;

    StackFixture() throws Exception {
        files = Files.createTempDirectory("lifeboat-it-files-").toRealPath();
        PgFixtures.create(catalog);
        properties.putAll(TestProperties.lifeboat("it" + id, catalog, TOKEN));
        properties.put("lifeboat.files.roots", files + "/{project}");
    }

    /** The same stack with some properties set otherwise. */
    StackFixture with(Map<String, String> overrides) {
        properties.putAll(overrides);
        return this;
    }

    /** The root of a project's files, created if missing: a test's mounts and code go below it. */
    Path dir(String project) {
        try {
            return Files.createDirectories(files.resolve(project));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            TempTrees.delete(files);
        }
    }
}
