package io.lifeboat.system;

import io.lifeboat.testing.TestInfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Request bodies for projects and environments that the tests register. */
final class Demo {

    static Map<String, Object> project(String id) {
        return Map.of("id", id, "title", "Project " + id, "tier", "enterprise", "plan", "production",
                "timezone", "Europe/Paris");
    }

    static Map<String, Object> environment(String name, String database, Path mount, Path code, String commit) {
        return Map.of(
                "name", name,
                "type", "production",
                "status", "active",
                "services", List.of(Map.of("name", "database", "type", "postgresql", "connection", Map.of(
                        "host", TestInfra.postgresHost(), "port", Integer.toString(TestInfra.postgresPort()),
                        "database", database, "user", TestInfra.postgresUser(), "password", "s3cr3t-test-password"))),
                "mounts", List.of(Map.of("name", "uploads", "path", mount.toString())),
                "code", Map.of("commit", commit, "path", code.toString()));
    }

    /** An environment of a mount and code only: quick to back up, for tests of the API rather than the data. */
    static Map<String, Object> filesOnly(String name, Path mount, Path code) {
        return Map.of(
                "name", name,
                "type", "production",
                "status", "active",
                "mounts", List.of(Map.of("name", "uploads", "path", mount.toString())),
                "code", Map.of("commit", Environment.COMMIT, "path", code.toString()));
    }

    /** {@link #filesOnly} over a mount with one file and a code directory, created below {@code dir}. */
    static Map<String, Object> withFiles(Path dir, String name) {
        try {
            Path mount = Files.createDirectories(dir.resolve(name + "-mount"));
            Files.writeString(mount.resolve("hello.txt"), "hello " + name);
            Path code = Files.createDirectories(dir.resolve(name + "-code"));
            Files.writeString(code.resolve("app.py"), "print('hi')\n");
            return filesOnly(name, mount, code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Demo() {
    }
}
