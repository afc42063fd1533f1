package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.storage.repo.TreeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * A directory tree frozen at a point in time. The cut lists every entry and hard-links every regular file
 * into a sibling directory, so files deleted or replaced by rename after the cut are still read as they
 * were. The cut costs a few system calls per file and copies no data.
 */
public final class TreeCapture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TreeCapture.class);

    record Item(String path, TreeEntry.Kind kind, int mode, long mtimeNanos, String target, Path source, long size,
                Long inode) {
    }

    private final Path root;
    private final Path links;
    private final List<Item> items;
    private final int rootMode;
    private final long rootMtime;
    private int vanished;
    private int reused;

    private TreeCapture(Path root, Path links, List<Item> items, int rootMode, long rootMtime) {
        this.root = root;
        this.links = links;
        this.items = items;
        this.rootMode = rootMode;
        this.rootMtime = rootMtime;
    }

    /** Lists and links the tree under {@code root}; entries whose relative path {@code exclude} matches are skipped. */
    public static TreeCapture cut(Path root, String operationId, Predicate<String> exclude) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConnectorException("directory " + root + " does not exist or is not a directory", true);
        }
        Path links = DirectorySwap.beside(root, "cut", operationId);
        boolean linking = tryCreate(links);
        List<Item> items = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = relative(root, dir);
                    if (exclude.test(path)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    items.add(new Item(path, TreeEntry.Kind.DIRECTORY, mode(dir), nanos(attrs), null, null, 0, null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(root, file);
                    if (exclude.test(path)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        items.add(new Item(path, TreeEntry.Kind.SYMLINK, 0777, nanos(attrs),
                                Files.readSymbolicLink(file).toString(), null, 0, null));
                    } else if (attrs.isRegularFile()) {
                        Path source = linking ? link(file, links.resolve(Integer.toString(items.size()))) : file;
                        items.add(new Item(path, TreeEntry.Kind.FILE, mode(file), nanos(attrs), null, source,
                                attrs.size(), (Long) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS)));
                    } else {
                        log.debug("skipping {}: not a file, directory or symlink", file);
                    }
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
            return new TreeCapture(root, linking ? links : null, items, mode(root),
                    nanos(Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (IOException e) {
            Trees.deleteRecursively(links);
            throw new ConnectorException("listing " + root + " failed: " + e.getMessage(), false, e);
        }
    }

    public int entries() {
        return items.size();
    }

    /** Stores every entry as of the cut; returns facts for the manifest. */
    public Map<String, String> stream(SnapshotWriter writer) {
        for (Item item : items) {
            switch (item.kind()) {
                case DIRECTORY -> writer.directory(item.path(), item.mode(), item.mtimeNanos());
                case SYMLINK -> writer.symlink(item.path(), item.target(), item.mtimeNanos());
                case FILE -> storeFile(writer, item);
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("root_mode", Integer.toOctalString(rootMode));
        facts.put("root_mtime_nanos", Long.toString(rootMtime));
        facts.put("entries", Integer.toString(items.size()));
        facts.put("vanished_files", Integer.toString(vanished));
        facts.put("unchanged_files", Integer.toString(reused));
        return facts;
    }

    private void storeFile(SnapshotWriter writer, Item item) {
        if (writer.unchangedFile(item.path(), item.mode(), item.mtimeNanos(), item.size(), item.inode())) {
            reused++;
            return;
        }
        try (InputStream in = Files.newInputStream(item.source())) {
            writer.file(item.path(), item.mode(), item.mtimeNanos(), item.inode(), in);
        } catch (NoSuchFileException e) {
            vanished++;
            log.warn("{} vanished after the cut and could not be linked; it is not in the backup", item.path());
        } catch (IOException e) {
            throw new ConnectorException("reading " + root.resolve(item.path()) + " failed: " + e.getMessage(),
                    false, e);
        }
    }

    @Override
    public void close() {
        if (links != null) {
            Trees.deleteRecursively(links);
        }
    }

    private static boolean tryCreate(Path dir) {
        try {
            Trees.deleteRecursively(dir);
            Files.createDirectory(dir);
            return true;
        } catch (IOException e) {
            log.debug("no hard-link area at {}: {}; files are read in place", dir, e.getMessage());
            return false;
        }
    }

    private static Path link(Path file, Path link) {
        try {
            return Files.createLink(link, file);
        } catch (IOException | UnsupportedOperationException e) {
            return file;
        }
    }

    static int mode(Path path) throws IOException {
        return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
    }

    static long nanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** The path below {@code root}, with '/' between names; a backslash is part of a POSIX name. */
    static String relative(Path root, Path path) {
        return String.join("/", StreamSupport.stream(root.relativize(path).spliterator(), false)
                .map(Path::toString).toList());
    }
}
