package io.lifeboat.connector;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.TempTrees;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountConnectorTests extends ConnectorConformance {

    @TempDir
    Path base;

    @Override
    protected String type() {
        return "mount";
    }

    @Override
    protected PartSpec createPart(String name) throws Exception {
        Path root = base.resolve(name);
        Files.createDirectories(root);
        TreeFingerprint.populate(root, 3 * 1024 * 1024);
        return spec(root);
    }

    @Override
    protected FileRoots roots() {
        return FileRoots.of(List.of(base.toString()));
    }

    @Override
    protected PartSpec emptyTarget(String name) {
        return spec(base.resolve("other").resolve(name));
    }

    @Override
    protected Map<String, String> fingerprint(PartSpec part) throws Exception {
        return TreeFingerprint.of(Path.of(part.setting("path")));
    }

    @Override
    protected void destroy(PartSpec part) throws Exception {
        Path root = Path.of(part.setting("path"));
        Files.delete(root.resolve("a/big.bin"));
        Files.writeString(root.resolve("a/hello.txt"), "changed");
        Files.writeString(root.resolve("new-file"), "not in the backup");
        Files.delete(root.resolve("odd names/with space.txt"));
        Files.writeString(root.resolve("odd names/ünïcödé ñame.txt"), "changed");
        Files.setAttribute(root.resolve("run.sh"), "unix:mode", 0644);
        Files.delete(root.resolve("link-to-dir"));
        Files.createSymbolicLink(root.resolve("link-to-dir"), Path.of("elsewhere"));
        TempTrees.delete(root.resolve("deep/level 0/level 1"));
        Files.createDirectories(root.resolve("new-dir/inside"));
    }

    @Override
    protected Map<String, Long> catalogCounts(PartSpec part) throws Exception {
        return TreeFingerprint.counts(Path.of(part.setting("path")));
    }

    @Override
    protected void dropPart(PartSpec part) {
        assertThat(part.setting("path")).startsWith(base.toString());
    }

    @Test
    void filesDeletedAfterTheCutAreStillBackedUp() throws Exception {
        PartSpec part = createPart("cut");
        Map<String, String> atCut = fingerprint(part);
        String backupId = "00000000000000000000000000000c07";
        try (SnapshotSession session = connector.openSnapshot(context(part, backupId));
             var writer = repository.newPart(ENV.project(), ENV.environment(), backupId, part.name(), type())) {
            var at = session.cut();
            Files.delete(Path.of(part.setting("path"), "a/big.bin"));
            Files.writeString(Path.of(part.setting("path"), "after-cut"), "written after the cut");
            writer.commit(at, session.stream(writer));
        }
        PartSpec target = emptyTarget("from-cut");
        restore(backupId, target);
        assertThat(fingerprint(target)).isEqualTo(atCut);
    }

    @Test
    void aFileThatCannotBeReadFailsTheBackupNamingIt() throws Exception {
        PartSpec part = createPart("unreadable");
        Path root = Path.of(part.setting("path"));
        String backupId = "00000000000000000000000000000c08";
        try (SnapshotSession session = connector.openSnapshot(context(part, backupId));
             var writer = repository.newPart(ENV.project(), ENV.environment(), backupId, part.name(), type())) {
            session.cut();
            Path link;
            try (var cuts = Files.list(root.getParent()); var linked = Files.list(cuts
                    .filter(p -> p.getFileName().toString().startsWith(".lifeboat-cut-")).findFirst().orElseThrow())) {
                link = linked.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            Files.delete(link);
            Files.createDirectory(link); // read by the connector as the file it replaced: reading it fails
            assertThatThrownBy(() -> session.stream(writer)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("reading " + root).hasMessageContaining("failed");
        }
    }

    private static PartSpec spec(Path root) {
        return new PartSpec("uploads", "mount", Map.of("path", root.toString()), null);
    }
}
