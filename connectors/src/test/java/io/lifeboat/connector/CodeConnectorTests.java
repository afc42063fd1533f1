package io.lifeboat.connector;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodeConnectorTests extends ConnectorConformance {

    @TempDir
    Path base;

    @Override
    protected String type() {
        return "code";
    }

    @Override
    protected PartSpec createPart(String name) throws Exception {
        Path root = base.resolve(name);
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/app.py"), "print('hello')\n");
        Files.writeString(root.resolve("requirements.txt"), "flask==3.0\n");
        Files.createSymbolicLink(root.resolve("main.py"), Path.of("src/app.py"));
        Files.createDirectories(root.resolve("static/empty"));
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
        Map<String, String> tree = new java.util.TreeMap<>(TreeFingerprint.of(Path.of(part.setting("path"))));
        tree.keySet().removeIf(k -> k.equals(".git") || k.startsWith(".git/"));
        return tree;
    }

    @Override
    protected void destroy(PartSpec part) throws Exception {
        Files.writeString(Path.of(part.setting("path"), "src/app.py"), "broken");
    }

    @Override
    protected void dropPart(PartSpec part) {
        assertThat(part.setting("path")).startsWith(base.toString());
    }

    @Override
    protected Map<String, Long> catalogCounts(PartSpec part) throws Exception {
        return TreeFingerprint.counts(Path.of(part.setting("path")), ".git");
    }

    @Test
    void aGitRepositoryStaysAsItIsThroughASwitchOverASwitchBackAndAResumedCommit() throws Exception {
        PartSpec part = createPart("git-kept");
        Path root = Path.of(part.setting("path"));
        Path git = Files.createDirectories(root.resolve(".git/refs"));
        Files.writeString(git.resolve("main"), "4f2a9c1e\n");
        Map<String, String> backedUp = fingerprint(part);
        String backupId = backup(part);
        destroy(part);
        Map<String, String> before = fingerprint(part);
        Map<String, String> gitBefore = TreeFingerprint.of(root.resolve(".git"));
        String back = "%032x".formatted(System.nanoTime());
        try (StagedRestore staged = connector.stage(context(part, back),
                repository.openPart(ENV.project(), backupId, part.name()))) {
            staged.switchOver();
            assertThat(TreeFingerprint.of(root.resolve(".git"))).isEqualTo(gitBefore);
            staged.switchBack();
        }
        assertThat(fingerprint(part)).isEqualTo(before);
        assertThat(TreeFingerprint.of(root.resolve(".git"))).isEqualTo(gitBefore);
        String committed = "%032x".formatted(System.nanoTime());
        connector.stage(context(part, committed), repository.openPart(ENV.project(), backupId, part.name()))
                .switchOver();
        try (StagedRestore resumed = connector.resume(context(part, committed))) {
            resumed.commit();
        }
        assertThat(fingerprint(part)).isEqualTo(backedUp);
        assertThat(TreeFingerprint.of(root.resolve(".git"))).isEqualTo(gitBefore);
        try (var siblings = Files.list(root.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain(
                    ".lifeboat-old-" + committed + "-git-kept", ".lifeboat-old-" + back + "-git-kept",
                    ".lifeboat-restore-" + back + "-git-kept");
        }
    }

    @Test
    void aGitRepositoryIsNeverBackedUpNorTouched() throws Exception {
        PartSpec part = createPart("git");
        Path git = Files.createDirectories(Path.of(part.setting("path"), ".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        String backupId = backup(part);
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/feature\n");
        restore(backupId, part);
        assertThat(Files.readString(git.resolve("HEAD"))).isEqualTo("ref: refs/heads/feature\n");
        assertThat(repository.openPart(ENV.project(), backupId, part.name()).entries()
                .noneMatch(e -> e.path().startsWith(".git"))).isTrue();
        assertThat(repository.readPart(ENV.project(), backupId, part.name()).metadata())
                .containsEntry("commit", "4f2a9c1e");
    }

    @Test
    void aBackupOfTheCommitAloneLeavesTheTargetsDeployedCodeAsItIs() throws Exception {
        PartSpec commitOnly = new PartSpec("code", "code", Map.of("commit", "4f2a9c1e"), null);
        PartSpec target = createPart("deployed");
        try {
            Map<String, String> before = fingerprint(target);
            assertThat(before).isNotEmpty();
            restore(backup(commitOnly), target);
            assertThat(fingerprint(target)).isEqualTo(before);
        } finally {
            dropPart(target);
        }
    }

    private static PartSpec spec(Path root) {
        return new PartSpec("code", "code", Map.of("commit", "4f2a9c1e", "path", root.toString()), null);
    }
}
