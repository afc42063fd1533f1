package io.lifeboat.connector.golden;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.FilesystemObjectStore;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed golden repositories: {@code golden/v{format}/repository}, a backup written by the storage
 * format {@code format} on a directory location, and {@code golden/v{format}/expected.json}, the fingerprint
 * of each of its parts when it was made. See docs/storage-format.md, "Compatibility".
 */
final class GoldenRepository {

    /** The environment the golden backup was made of. */
    static final EnvironmentRef SOURCE = new EnvironmentRef("golden", "main");

    /**
     * The golden repositories' master key: a fixed test key (the 32 bytes of "lifeboat golden repository key!!"),
     * published so that anyone can read them. Never a key for real data.
     */
    static final String MASTER_KEY = "golden:bGlmZWJvYXQgZ29sZGVuIHJlcG9zaXRvcnkga2V5ISE=";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Opens (or creates) a repository in {@code directory}, as one directory location, with the golden key. */
    static Repository open(Path directory) {
        return Repository.open(List.of(new FilesystemObjectStore("golden", directory)), 1,
                MasterKeyRing.parse(List.of(MASTER_KEY)), Clock.systemUTC(), RepositoryOptions.defaults());
    }

    /**
     * The committed versions, in the connectors module's test resources (the tests run there), read where they
     * are committed rather than from the classpath, which may hold stale copies.
     */
    static Path directory() {
        Path golden = Path.of("src", "test", "resources", "golden");
        if (!Files.isDirectory(golden)) {
            throw new IllegalStateException("no " + golden.toAbsolutePath() + ": run from the connectors module");
        }
        return golden;
    }

    /** The format of the repository in {@code directory}, from its plaintext config. */
    static int format(Path directory) throws IOException {
        return JSON.readTree(Files.readString(directory.resolve("config"))).get("format").asInt();
    }

    /** Fingerprints by part name. */
    static Map<String, Map<String, String>> readExpected(Path version) throws IOException {
        return JSON.readValue(Files.readString(version.resolve("expected.json")), new TypeReference<>() { });
    }

    static void writeExpected(Path version, Map<String, Map<String, String>> expected) throws IOException {
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        expected.forEach((part, fingerprint) -> sorted.put(part, new TreeMap<>(fingerprint)));
        Files.writeString(version.resolve("expected.json"), JSON.writeValueAsString(sorted) + "\n");
    }

    private GoldenRepository() {
    }
}
