package io.lifeboat.system;

import io.lifeboat.testing.PgFixtures;
import io.lifeboat.testing.TreeFingerprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A test environment on this machine: a PostgreSQL database, a mount directory and a code directory. */
record Environment(String name, String database, Path mount, Path code, String commit) {

    static final String COMMIT = "4f2a9c1e0b7d";

    /** With content: tables, sequences, indexes, a view and {@code rows} rows; a tree with a 20 MiB file. */
    static Environment create(Path dir, String name, int rows) throws Exception {
        Environment env = empty(dir, name);
        PgFixtures.create(env.database());
        PgFixtures.populate(env.database(), rows);
        Files.createDirectories(env.mount());
        TreeFingerprint.populate(env.mount(), 20 * 1024 * 1024);
        Files.createDirectories(env.code().resolve("templates"));
        Files.writeString(env.code().resolve("app.py"), "print('hello')\n");
        Files.writeString(env.code().resolve("templates/index.html"), "<h1>hi</h1>\n");
        return env;
    }

    /** Names only: the database and directories do not exist yet. */
    static Environment empty(Path dir, String name) {
        return new Environment(name, PgFixtures.uniqueName("lb_e2e_" + name), dir.resolve("mount-" + name),
                dir.resolve("code-" + name), COMMIT);
    }

    Map<String, Object> request() {
        return Demo.environment(name, database, mount, code, commit);
    }
}
