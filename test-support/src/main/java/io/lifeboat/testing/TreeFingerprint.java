package io.lifeboat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
     * Nested directories, a deep tree, empty files and empty directories, a file of {@code bigBytes} random bytes,
     * names with spaces, tabs, quotes, unicode and (where the file system allows) a newline, unusual modes (setuid,
     * sticky, read-only), set mtimes on files and directories, symlinks to files, to directories, absolute and
     * dangling.
     */
    public static void populate(Path root, int bigBytes) throws IOException {
        Files.createDirectories(root.resolve("a/b/c"));
        Files.createDirectories(root.resolve("empty-dir"));
        Files.createDirectories(root.resolve("a/b/empty nested"));
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
        Files.setLastModifiedTime(root.resolve("a/hello.txt"), FileTime.fromMillis(1_700_000_000_123L));
        oddNames(root.resolve("odd names"));
        Path deep = root.resolve("deep");
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("level " + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("bottom.txt"), "forty levels down");
        modes(root.resolve("modes"));
        Files.createSymbolicLink(root.resolve("link-to-dir"), Path.of("a/b"));
        Files.createSymbolicLink(root.resolve("absolute-link"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("odd names/link ünï ✓"), Path.of("../a/hello.txt"));
        for (String dir : new String[] {"a/b/empty nested", "a/b/c", "deep", "odd names", "empty-dir"}) {
            Files.setLastModifiedTime(root.resolve(dir), FileTime.fromMillis(1_600_000_000_000L + dir.length()));
        }
    }

    private static void oddNames(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : new String[] {"with space.txt", " leading space", "trailing space ", "tab\tin name",
                "quotes '\" and `ticks`", "ünïcödé ñame.txt", "名前 ファイル.txt", "emoji 🚀.txt", "-starts-with-dash",
                "#hash;semi&and$dollar*star?", "%41 not url-encoded", "dots...", ".hidden", "back\\slash\\..\\name"}) {
            Files.writeString(dir.resolve(name), "named " + name);
        }
        Files.createDirectories(dir.resolve("dir with ünïcode ✓/empty inside"));
        try {
            Files.writeString(dir.resolve("new\nline"), "a newline in the name");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // this file system refuses newlines in names
        }
    }

    private static void modes(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> files = Map.of("read-only", 0444, "private", 0600, "setuid", 04755,
                "setgid", 02750);
        for (Map.Entry<String, Integer> file : files.entrySet()) {
            Path path = Files.writeString(dir.resolve(file.getKey()), file.getKey());
            Files.setAttribute(path, "unix:mode", file.getValue());
            Files.setLastModifiedTime(path, FileTime.fromMillis(1_500_000_000_000L + file.getValue()));
        }
        Map<String, Integer> dirs = Map.of("sticky", 01777, "private-dir", 0700, "read-only-empty", 0555);
        for (Map.Entry<String, Integer> sub : dirs.entrySet()) {
            Path path = Files.createDirectory(dir.resolve(sub.getKey()));
            Files.setAttribute(path, "unix:mode", sub.getValue());
        }
        Files.setLastModifiedTime(dir, FileTime.fromMillis(1_550_000_000_000L));
    }

    /**
     * The entries below {@code root} by kind ({@code files}, {@code directories}, {@code symlinks}), counted by
     * {@code find(1)}; entries named {@code excluded}, and what is below them, are left out.
     */
    public static Map<String, Long> counts(Path root, String... excluded) throws IOException, InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, String> kind : Map.of("files", "f", "directories", "d", "symlinks", "l").entrySet()) {
            List<String> command = new ArrayList<>(List.of("find", root.toString(), "-mindepth", "1"));
            for (String name : excluded) {
                command.addAll(List.of("(", "-name", name, "-prune", ")", "-o"));
            }
            command.addAll(List.of("-type", kind.getValue(), "-printf", "."));
            Process find = new ProcessBuilder(command).redirectErrorStream(true).start();
            String dots = new String(find.getInputStream().readAllBytes());
            if (find.waitFor() != 0 || !dots.matches("\\.*")) {
                throw new IOException("find failed: " + dots);
            }
            counts.put(kind.getKey(), (long) dots.length());
        }
        return counts;
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
