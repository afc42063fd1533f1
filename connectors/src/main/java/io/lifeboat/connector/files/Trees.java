package io.lifeboat.connector.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Small filesystem helpers. Symlinks are never followed. */
final class Trees {

    /** Renames one entry; a test replaces it to play a mount point or a process that stops midway. */
    interface Move {
        Move ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

        void move(Path from, Path to) throws IOException;
    }

    private Trees() {
    }

    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes a tree without following symlinks, read-only directories included; a missing tree is fine. */
    static void deleteRecursively(Path root) {
        if (root == null || !exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    int mode = TreeCapture.mode(dir);
                    if ((mode & 0700) != 0700) {
                        Files.setAttribute(dir, "unix:mode", mode | 0700);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Deletes every child of {@code dir} not named in {@code keep}. */
    static void clear(Path dir, Set<String> keep) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                if (!keep.contains(child.getFileName().toString())) {
                    deleteRecursively(child);
                }
            }
        }
    }

    /**
     * Moves every child of {@code from} into {@code to}, each by {@code move}; one that cannot be renamed there (another
     * file system) is copied, then deleted.
     */
    static void moveChildren(Path from, Path to, Move move) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                Path target = to.resolve(child.getFileName().toString());
                try {
                    move.move(child, target);
                } catch (AtomicMoveNotSupportedException elsewhere) {
                    copy(child, target);
                    deleteRecursively(child);
                }
            }
        }
    }

    /** Copies every child of {@code from} not named in {@code skip} into the existing directory {@code to}. */
    static void copyChildren(Path from, Path to, Set<String> skip) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                if (!skip.contains(child.getFileName().toString())) {
                    copy(child, to.resolve(child.getFileName().toString()));
                }
            }
        }
    }

    /**
     * Copies a tree as it is: contents, symlinks as links, modes, mtimes and, where allowed, owners. A directory gets
     * its mode and mtime once its entries are in.
     */
    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(target, "unix:mode", TreeCapture.mode(dir) | 0700);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                copyAttributes(dir, to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Gives {@code to} the mode and mtime of {@code from}. */
    static void copyAttributes(Path from, Path to) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(from, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:mode", TreeCapture.mode(from));
        Files.setLastModifiedTime(to, mtime);
    }

    /** Entries below {@code root} by kind: {@code files}, {@code directories} and {@code symlinks}. */
    static Map<String, Long> count(Path root) throws IOException {
        long[] counts = new long[3];
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> !path.equals(root)).forEach(path -> {
                if (Files.isSymbolicLink(path)) {
                    counts[2]++;
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    counts[1]++;
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    counts[0]++;
                }
            });
        }
        return Map.of("files", counts[0], "directories", counts[1], "symlinks", counts[2]);
    }
}
