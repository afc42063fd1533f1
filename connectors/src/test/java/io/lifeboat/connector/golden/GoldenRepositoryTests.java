package io.lifeboat.connector.golden;

import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup made by an older format version still restores: each committed golden repository
 * ({@code golden/v{format}}) is opened by the current code and every part of its backup is restored into a fresh
 * target on the real servers, then compared by content with the fingerprint recorded when the backup was made.
 */
class GoldenRepositoryTests {

    private static final EnvironmentRef TARGET = new EnvironmentRef("golden", "restored");

    @TempDir
    Path temp;

    static Stream<String> versions() throws IOException {
        try (Stream<Path> versions = Files.list(GoldenRepository.directory())) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("v\\d+")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "golden repository {0}")
    @MethodSource("versions")
    void everyPartOfAnOlderBackupRestoresAsItWasBackedUp(String version) throws Exception {
        Path golden = GoldenRepository.directory().resolve(version);
        Map<String, Map<String, String>> expected = GoldenRepository.readExpected(golden);
        Path copy = copy(golden.resolve("repository"), temp.resolve("repository"));
        try (Repository repository = GoldenRepository.open(copy); Scratch scratch = new Scratch()) {
            List<BackupManifest> backups = repository.listBackups();
            assertThat(backups).hasSize(1);
            BackupManifest backup = backups.getFirst();
            assertThat(backup.parts()).extracting(BackupManifest.PartRef::name)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(repository.verify(backup.project(), backup.environment(), backup.backupId(), 1.0).errors())
                    .isEmpty();
            Map<String, PartSpec> restored = restore(repository, backup, scratch);
            for (var part : restored.entrySet()) {
                assertThat(GoldenPart.named(part.getKey()).fingerprint(part.getValue()))
                        .as("part %s of the golden repository %s, restored", part.getKey(), version)
                        .isEqualTo(expected.get(part.getKey()));
            }
        }
    }

    /** A change of format must come with its golden repository, so that the next change is checked against it. */
    @Test
    void theFormatThisCodeWritesHasAGoldenRepository() throws IOException {
        try (Repository ignored = GoldenRepository.open(temp.resolve("fresh"))) {
            int format = GoldenRepository.format(temp.resolve("fresh"));
            assertThat(GoldenRepository.directory().resolve("v" + format).resolve("repository"))
                    .as("no golden repository of format %d: write it with -Dlifeboat.writeGolden=true", format)
                    .isDirectory();
        }
    }

    /** As the restore worker does: every part staged, then every part switched over, then committed. */
    private static Map<String, PartSpec> restore(Repository repository, BackupManifest backup, Scratch scratch)
            throws Exception {
        Connectors connectors = new Connectors();
        String restoreId = "%032x".formatted(System.nanoTime());
        Map<String, PartSpec> targets = new LinkedHashMap<>();
        List<StagedRestore> staged = new ArrayList<>();
        try {
            for (BackupManifest.PartRef part : backup.parts()) {
                GoldenPart golden = GoldenPart.named(part.name());
                assertThat(part.type()).isEqualTo(golden.type());
                PartSpec target = golden.target(scratch);
                targets.put(part.name(), target);
                staged.add(connectors.get(part.type()).stage(new PartContext(TARGET, target, null, restoreId,
                        scratch.roots()), repository.openPart(backup.project(), backup.backupId(), part.name())));
            }
            staged.forEach(StagedRestore::switchOver);
            staged.forEach(StagedRestore::commit);
        } finally {
            staged.forEach(StagedRestore::close);
        }
        return targets;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}
