package io.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A file tree as comparable text: every entry's kind, mode, mtime and SHA-256 (or link target). */
public final class TreeFingerprint {

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(p -> !p.equals(root)).toList()) {
                String name = root.relativize(path).toString();
                int mode = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
                if (Files.isSymbolicLink(path)) {
                    fingerprint.put(name, "link -> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    fingerprint.put(name, "dir " + Integer.toOctalString(mode) + " "
                            + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis());
                } else {
                    fingerprint.put(name, "file " + Integer.toOctalString(mode) + " "
                            + Files.getLastModifiedTime(path).toMillis() + " " + sha256(path));
                }
            }
        }
        return fingerprint;
    }

    /**
     * Nested directories, empty files and an empty directory, a file of {@code bigBytes} random bytes,
     * unusual modes, a symlink and a dangling symlink.
     */
    public static void populate(Path root, int bigBytes) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));
        Files.createDirectories(root.resolve("empty-dir"));
        Files.writeString(root.resolve("a/hello.txt"), "hello, world\n");
        Files.writeString(root.resolve("a/b/c/deep ünïcode.txt"), "ß".repeat(1000));
        Files.createFile(root.resolve("a/b/empty"));
        Files.createFile(root.resolve("empty-at-root"));
        byte[] big = new byte[bigBytes];
        new Random(42).nextBytes(big);
        Files.write(root.resolve("a/big.bin"), big);
        Path script = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setAttribute(script, "unix:mode", 0750);
        Files.setAttribute(root.resolve("a/hello.txt"), "unix:mode", 0640);
        Files.createSymbolicLink(root.resolve("link-to-big"), Path.of("a/big.bin"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("does/not/exist"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(root.resolve("a/b/small-" + i + ".txt"), "file " + i + "\n".repeat(i));
        }
        Files.setLastModifiedTime(root.resolve("a/hello.txt"),
                java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_123L));
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TreeFingerprint() {
    }
}
