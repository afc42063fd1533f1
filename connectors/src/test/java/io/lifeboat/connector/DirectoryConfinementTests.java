package io.lifeboat.connector;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.storage.repo.TreeEntry;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mounts and code are confined to their project's file roots, symlinks resolved, at backup and restore. */
class DirectoryConfinementTests {

    static final EnvironmentRef ENV = new EnvironmentRef("p1", "main");

    @TempDir
    Path base;

    Path outside;
    FileRoots roots;
    Repository repository;
    final Connector mount = new Connectors().get("mount");

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(base.resolve("p1"));
        outside = Files.createDirectories(base.resolve("p2/uploads"));
        Files.writeString(outside.resolve("secret.txt"), "another tenant's file");
        roots = FileRoots.of(List.of(base + "/{project}"));
        MasterKeyRing keys = MasterKeyRing.parse(List.of("k:" + Base64.getEncoder().encodeToString(new byte[32])));
        repository = Repository.open(List.of(new InMemoryObjectStore("memory", Clock.systemUTC())), 1, keys,
                Clock.systemUTC(), RepositoryOptions.defaults());
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    @Test
    void aDirectoryBelowTheRootIsResolvedToItsRealPath() throws Exception {
        Path real = Files.createDirectories(base.resolve("real-p1/uploads"));
        Files.delete(base.resolve("p1"));
        Files.createSymbolicLink(base.resolve("p1"), base.resolve("real-p1"));
        assertThat(roots.confine("p1", base + "/p1/uploads")).isEqualTo(real.toRealPath());
        assertThat(roots.confine("p1", base + "/p1/not-yet/created"))
                .isEqualTo(base.resolve("real-p1").toRealPath().resolve("not-yet/created"));
    }

    @Test
    void pathsOutsideTheRootAreRefusedAsWritten() {
        assertThat(roots.refusal("p1", base + "/p1/uploads")).isEmpty();
        assertThat(roots.refusal("p1", base + "/p1/./a//b")).isEmpty();
        assertThat(roots.refusal("p1", base + "/p2/uploads")).get().asString()
                .contains("outside the files of project p1");
        assertThat(roots.refusal("p1", base + "/p1x/uploads")).get().asString().contains("outside");
        assertThat(roots.refusal("p1", base + "/p1/../p2/uploads")).get().asString().contains("'..'");
        assertThat(roots.refusal("p1", base + "/p1")).get().asString().contains("outside");
        assertThat(roots.refusal("p1", "relative/path")).get().asString().contains("absolute");
        assertThat(FileRoots.none().refusal("p1", base + "/p1/uploads")).get().asString()
                .contains("set lifeboat.files.roots");
        assertThatThrownBy(() -> FileRoots.of(List.of("srv/{project}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lifeboat.files.roots");
    }

    @Test
    void aSymlinkOutOfTheRootIsRefusedAtBackupAndNothingIsWrittenBesideItsTarget() throws Exception {
        Files.createSymbolicLink(base.resolve("p1/uploads"), outside);
        PartSpec part = spec(base + "/p1/uploads");
        assertThatThrownBy(() -> mount.openSnapshot(context(part, "00000000000000000000000000000b01")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("resolves to " + outside.toRealPath()).hasMessageContaining("not below");
        Files.delete(base.resolve("p1/uploads"));
        Files.createSymbolicLink(base.resolve("p1/link"), outside.getParent());
        assertThatThrownBy(() -> mount.openSnapshot(context(spec(base + "/p1/link/uploads"),
                "00000000000000000000000000000b02"))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not below");
        try (Stream<Path> siblings = Files.list(outside.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("uploads");
        }
    }

    @Test
    void aSymlinkOutOfTheRootIsRefusedAtRestoreAndTheOtherTenantsFilesStayAsTheyWere() throws Exception {
        Path source = Files.createDirectories(base.resolve("p1/uploads"));
        TreeFingerprint.populate(source, 64 * 1024);
        String backupId = backup(spec(source.toString()), "00000000000000000000000000000b03");
        Map<String, String> theirs = TreeFingerprint.of(outside.getParent());
        Files.createSymbolicLink(base.resolve("p1/link"), outside.getParent());
        var reader = repository.openPart(ENV.project(), backupId, "uploads");
        assertThatThrownBy(() -> mount.stage(context(spec(base + "/p1/link/uploads"),
                "00000000000000000000000000000e01"), reader))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("not below");
        assertThat(TreeFingerprint.of(outside.getParent())).isEqualTo(theirs);
    }

    @Test
    void symlinksInsideTheTreeAreKeptAsLinksAndNeverFollowed() throws Exception {
        Path source = Files.createDirectories(base.resolve("p1/uploads"));
        Files.writeString(source.resolve("own.txt"), "mine");
        Files.createSymbolicLink(source.resolve("escape"), outside);
        Files.createSymbolicLink(source.resolve("escape-file"), outside.resolve("secret.txt"));
        String backupId = backup(spec(source.toString()), "00000000000000000000000000000b04");
        try (Stream<TreeEntry> entries = repository.openPart(ENV.project(), backupId, "uploads").entries()) {
            assertThat(entries.map(e -> e.path() + " " + e.kind())).containsExactlyInAnyOrder("own.txt FILE",
                    "escape SYMLINK", "escape-file SYMLINK");
        }
        Map<String, String> theirs = TreeFingerprint.of(outside.getParent());
        Path target = base.resolve("p1/restored");
        var reader = repository.openPart(ENV.project(), backupId, "uploads");
        try (StagedRestore staged = mount.stage(context(spec(target.toString()), "00000000000000000000000000000e02"),
                reader)) {
            staged.switchOver();
        }
        assertThat(Files.readSymbolicLink(target.resolve("escape"))).isEqualTo(outside);
        assertThat(Files.readString(target.resolve("own.txt"))).isEqualTo("mine");
        assertThat(TreeFingerprint.of(outside.getParent())).isEqualTo(theirs);
    }

    @Test
    void withoutRootsEveryDirectoryIsRefused() throws Exception {
        Path source = Files.createDirectories(base.resolve("p1/uploads"));
        assertThatThrownBy(() -> mount.openSnapshot(new PartContext(ENV, spec(source.toString()), null,
                "00000000000000000000000000000b05", FileRoots.none()))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("set lifeboat.files.roots");
    }

    private String backup(PartSpec part, String backupId) {
        try (SnapshotSession session = mount.openSnapshot(context(part, backupId));
             SnapshotWriter writer = repository.newPart(ENV.project(), ENV.environment(), backupId, part.name(),
                     "mount")) {
            writer.commit(session.cut(), session.stream(writer));
        }
        return backupId;
    }

    private PartContext context(PartSpec part, String operationId) {
        return new PartContext(ENV, part, null, operationId, roots);
    }

    private static PartSpec spec(String path) {
        return new PartSpec("uploads", "mount", Map.of("path", path), null);
    }
}
