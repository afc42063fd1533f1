package io.lifeboat.connector.golden;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.testing.TempTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the golden repository of the format this code writes, {@code golden/v{format}}, with
 * {@code -Dlifeboat.writeGolden=true}; skipped otherwise. A committed repository is never rewritten: where one
 * exists already, only its expected fingerprints are recomputed, from the same fixed content (after a change to
 * a test-support fingerprint). See docs/storage-format.md, "Compatibility".
 */
@EnabledIfSystemProperty(named = "lifeboat.writeGolden", matches = "true")
class GoldenRepositoryWriterTests {

    private final Connectors connectors = new Connectors();

    @Test
    void writesTheGoldenRepositoryOfTheCurrentFormat() throws Exception {
        Path fresh = Files.createTempDirectory("golden-repository-");
        try (Scratch scratch = new Scratch()) {
            Map<String, PartSpec> sources = new TreeMap<>();
            Map<String, Map<String, String>> expected = new TreeMap<>();
            for (GoldenPart part : GoldenPart.all()) {
                PartSpec source = part.source(scratch);
                sources.put(part.name(), source);
                expected.put(part.name(), part.fingerprint(source));
            }
            Path version;
            try (Repository repository = GoldenRepository.open(fresh)) {
                version = GoldenRepository.directory().resolve("v" + GoldenRepository.format(fresh));
                if (!Files.exists(version.resolve("repository"))) {
                    backUp(repository, sources, scratch);
                }
            }
            if (!Files.exists(version.resolve("repository"))) {
                Files.createDirectories(version);
                Files.move(fresh, version.resolve("repository"));
            }
            GoldenRepository.writeExpected(version, expected);
        } finally {
            TempTrees.delete(fresh);
        }
    }

    /** One backup of every part, committed as the snapshot worker commits it. */
    private void backUp(Repository repository, Map<String, PartSpec> sources, Scratch scratch) {
        String backupId = "%032x".formatted(System.currentTimeMillis());
        Instant started = Instant.now();
        List<BackupManifest.PartRef> parts = new ArrayList<>();
        for (PartSpec source : sources.values()) {
            Connector connector = connectors.get(source.type());
            PartContext context = new PartContext(GoldenRepository.SOURCE, source, null, backupId, scratch.roots());
            try (SnapshotSession session = connector.openSnapshot(context);
                 SnapshotWriter writer = repository.newPart(GoldenRepository.SOURCE.project(),
                         GoldenRepository.SOURCE.environment(), backupId, source.name(), source.type())) {
                Instant at = session.cut();
                PartManifest manifest = writer.commit(at, session.stream(writer));
                parts.add(new BackupManifest.PartRef(manifest.part(), manifest.type(), manifest.bytes(),
                        manifest.storedBytes(), manifest.pointInTime()));
            }
        }
        repository.commitBackup(new BackupManifest(BackupManifest.FORMAT, GoldenRepository.SOURCE.project(),
                GoldenRepository.SOURCE.environment(), backupId, started, Instant.now(), false, false, "api",
                "4f2a9c1e", parts, null, 0, Map.of("purpose", "golden repository")));
    }
}
