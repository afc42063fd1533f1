package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
}
