package io.lifeboat.connector.golden;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.testing.TreeFingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** A directory part (a mount, or the code's app directory): fixed files, modes, mtimes and symlinks. */
final class TreePart extends GoldenPart {

    /** Writes a part's entries below its root. */
    private interface Content {
        void write(Path root) throws IOException;
    }

    private static final long MTIME = 1_700_000_000_123L;

    private final Map<String, String> settings;
    private final Content content;

    private TreePart(String name, String type, Map<String, String> settings, Content content) {
        super(name, type);
        this.settings = settings;
        this.content = content;
    }

    /** Nested directories, odd names, an empty directory and an empty file, modes, a symlink and a dangling one. */
    static TreePart mount() {
        return new TreePart("uploads", "mount", Map.of(), root -> {
            file(root, "docs/readme.txt", "read me\n", 0644);
            file(root, "docs/deep/er/ünï cödé & co.txt", "ß".repeat(100), 0600);
            file(root, "docs/deep/er/empty", "", 0644);
            file(root, "photos/pixels.bin", pixels(), 0640);
            file(root, "run.sh", "#!/bin/sh\necho hi\n", 0755);
            file(root, "read-only.txt", "do not change\n", 0444);
            file(root, "private/note.txt", "secret\n", 0600);
            Files.setAttribute(root.resolve("private"), "unix:mode", 0700);
            Files.createDirectories(root.resolve("empty-dir"));
            Files.createSymbolicLink(root.resolve("link-to-readme"), Path.of("docs/readme.txt"));
            Files.createSymbolicLink(root.resolve("dangling"), Path.of("no/such/file"));
        });
    }

    /** The deployed app directory of a code part, with its commit. */
    static TreePart code() {
        return new TreePart("app", "code", Map.of("commit", "4f2a9c1e"), root -> {
            file(root, "src/app.py", "print('hello')\n", 0644);
            file(root, "requirements.txt", "flask==3.0\n", 0644);
            file(root, "bin/start", "#!/bin/sh\nexec python src/app.py\n", 0755);
        });
    }

    @Override
    PartSpec source(Scratch scratch) throws IOException {
        PartSpec part = target(scratch);
        Path root = Files.createDirectories(Path.of(part.setting("path")));
        content.write(root);
        settle(root);
        return part;
    }

    @Override
    PartSpec target(Scratch scratch) {
        Map<String, String> spec = new HashMap<>(settings);
        spec.put("path", scratch.base().resolve(name() + "-" + UUID.randomUUID()).toString());
        return new PartSpec(name(), type(), spec, null);
    }

    @Override
    Map<String, String> fingerprint(PartSpec part) throws IOException {
        return TreeFingerprint.of(Path.of(part.setting("path")));
    }

    private static void file(Path root, String path, String text, int mode) throws IOException {
        file(root, path, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static void file(Path root, String path, byte[] bytes, int mode) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setAttribute(file, "unix:mode", mode);
    }

    /** 2 KiB of every byte value. */
    private static byte[] pixels() {
        byte[] bytes = new byte[2048];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }

    /**
     * Gives every directory mode 0755 (unless set already to 0700) and every entry but the symlinks a fixed
     * mtime, children before their parents, so that the tree is the same whatever the umask and the clock.
     */
    private static void settle(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(root)) {
            entries = walk.filter(p -> !p.equals(root)).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Path entry = entries.get(i);
            if (Files.isSymbolicLink(entry)) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                    && ((Integer) Files.getAttribute(entry, "unix:mode") & 0777) != 0700) {
                Files.setAttribute(entry, "unix:mode", 0755);
            }
            Files.setLastModifiedTime(entry, FileTime.fromMillis(MTIME + 1000L * i));
        }
    }
}
