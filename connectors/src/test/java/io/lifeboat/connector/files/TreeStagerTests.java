package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.SnapshotWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeStagerTests {

    @TempDir
    Path base;

    @Test
    void createsMissingParentsInsideTheTarget() throws Exception {
        Path root = Files.createDirectories(base.resolve("root")).toRealPath();
        Set<Path> real = new HashSet<>();
        assertThat(TreeStager.safePath(root, "a/b/c.txt", real)).isEqualTo(root.resolve("a/b/c.txt"));
        assertThat(root.resolve("a/b")).isDirectory();
        assertThat(real).contains(root.resolve("a"), root.resolve("a/b"));
    }

    @Test
    void refusesToCreateDirectoriesThroughASymlinkAboveTheParent() throws Exception {
        Path root = Files.createDirectories(base.resolve("root")).toRealPath();
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        assertThatThrownBy(() -> TreeStager.safePath(root, "link/deep/file", new HashSet<>()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("link/deep/file");
        assertThat(outside.resolve("deep")).doesNotExist();
    }

    @Test
    void refusesAFileAsAParent() throws Exception {
        Path root = Files.createDirectories(base.resolve("root")).toRealPath();
        Files.writeString(root.resolve("plain"), "x");
        assertThatThrownBy(() -> TreeStager.safePath(root, "plain/file", new HashSet<>()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("plain/file");
    }

    @Test
    void refusesADanglingSymlinkAsAParent() throws Exception {
        Path root = Files.createDirectories(base.resolve("root")).toRealPath();
        Files.createSymbolicLink(root.resolve("dangling"), base.resolve("nowhere"));
        assertThatThrownBy(() -> TreeStager.safePath(root, "dangling/deep/file", new HashSet<>()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("dangling/deep/file");
        assertThat(base.resolve("nowhere")).doesNotExist();
    }

    @Test
    void refusesADirectoryEntryOverASymlinkRestoredBeforeIt() throws Exception {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
        MasterKeyRing keys = MasterKeyRing.parse(List.of("k:" + Base64.getEncoder().encodeToString(new byte[32])));
        try (Repository repository = Repository.open(List.of(new InMemoryObjectStore("memory", Clock.systemUTC())),
                1, keys, Clock.systemUTC(), RepositoryOptions.defaults())) {
            String backupId = "00000000000000000000000000000a11";
            try (SnapshotWriter writer = repository.newPart("p", "e", backupId, "uploads", "mount")) {
                writer.symlink("a", outside.toString(), 0);
                writer.directory("a", 0777, 0);
                writer.commit(Instant.EPOCH, Map.of());
            }
            SnapshotReader stored = repository.openPart("p", backupId, "uploads");
            assertThatThrownBy(() -> TreeStager.stage(stored, base.resolve("staging"), path -> false))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("'a'");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside))).isEqualTo("rwx------");
    }
}
