package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Writes a stored tree into a staging directory. Every path is checked: nothing absolute, no {@code ..},
 * and no write through a symlink, so a restore never writes outside its target.
 */
public final class TreeStager {

    private TreeStager() {
    }

    /** The staging directory beside {@code target}, for one restore. */
    public static Path stagingFor(Path target, String operationId) {
        return DirectorySwap.beside(target, "restore", operationId);
    }

    /** Files written at once while staging. */
    static final int PARALLEL_FILES = 8;

    /**
     * Stages every entry not excluded; returns the bytes written. Directories and symlinks are created in tree
     * order; files are written by a few threads at once; directory modes and times are set last.
     */
    public static long stage(SnapshotReader stored, Path staging, Predicate<String> exclude) {
        try (ExecutorService writers = Executors.newFixedThreadPool(PARALLEL_FILES,
                Thread.ofPlatform().name("stage-file-", 0).factory())) {
            Trees.deleteRecursively(staging);
            Files.createDirectories(staging);
            Path realRoot = staging.toRealPath();
            Semaphore queued = new Semaphore(PARALLEL_FILES * 4);
            List<Future<Long>> files = new ArrayList<>();
            List<TreeEntry> directories = new ArrayList<>();
            Set<Path> realDirectories = new HashSet<>();
            try (Stream<TreeEntry> entries = stored.entries()) {
                for (TreeEntry entry : (Iterable<TreeEntry>) entries::iterator) {
                    if (exclude.test(entry.path())) {
                        continue;
                    }
                    Path path = safePath(realRoot, entry.path(), realDirectories);
                    switch (entry.kind()) {
                        case DIRECTORY -> {
                            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                                    && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                                throw new ConnectorException("refusing to restore directory '" + entry.path()
                                        + "': a symlink or a file of that name was restored before it", true);
                            }
                            Files.createDirectories(path);
                            directories.add(entry);
                        }
                        case SYMLINK -> {
                            Files.createSymbolicLink(path, Path.of(entry.target()));
                            setTimes(path, entry.mtimeNanos(), LinkOption.NOFOLLOW_LINKS);
                        }
                        case FILE -> {
                            queued.acquireUninterruptibly();
                            files.add(writers.submit(() -> {
                                try {
                                    return writeFile(stored, entry, path);
                                } finally {
                                    queued.release();
                                }
                            }));
                        }
                    }
                }
            }
            long bytes = 0;
            for (Future<Long> file : files) {
                bytes += file.get();
            }
            for (TreeEntry dir : directories.reversed()) {
                Path path = realRoot.resolve(dir.path());
                setMode(path, dir.mode());
                setTimes(path, dir.mtimeNanos());
            }
            Map<String, String> facts = stored.manifest().metadata();
            if (facts.containsKey("root_mode")) {
                setMode(realRoot, Integer.parseInt(facts.get("root_mode"), 8));
                setTimes(realRoot, Long.parseLong(facts.get("root_mtime_nanos")));
            }
            return bytes;
        } catch (IOException e) {
            throw new ConnectorException("staging into " + staging + " failed: " + e.getMessage(), false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException("staging into " + staging + " failed: " + e.getCause().getMessage(), false,
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("staging into " + staging + " was interrupted", false, e);
        }
    }

    private static long writeFile(SnapshotReader stored, TreeEntry entry, Path path) throws IOException {
        long written;
        try (InputStream in = stored.open(entry)) {
            written = Files.copy(in, path);
        }
        setMode(path, entry.mode());
        setTimes(path, entry.mtimeNanos());
        return written;
    }

    /**
     * Resolves an entry's path under the root and refuses any that would leave it. The parent directory is
     * created if missing; no directory on the way may be a symlink. Directories found real are remembered in
     * {@code realDirectories}, so that each is checked once.
     */
    static Path safePath(Path realRoot, String relative, Set<Path> realDirectories) throws IOException {
        TreeEntry.checkPath(relative);
        Path path = realRoot.resolve(relative).normalize();
        Path parent = path.getParent();
        if (!path.startsWith(realRoot) || parent == null) {
            throw new ConnectorException("refusing to restore '" + relative + "': outside the target", true);
        }
        if (realDirectories.contains(parent)) {
            return path;
        }
        Path existing = parent;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS) || !existing.toRealPath().equals(existing)) {
            throw new ConnectorException("refusing to restore '" + relative + "': a parent is a symlink or a file",
                    true);
        }
        Files.createDirectories(parent);
        Path dir = parent;
        while (dir.startsWith(realRoot) && realDirectories.add(dir)) {
            dir = dir.getParent();
        }
        return path;
    }

    private static void setMode(Path path, int mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(permissions(mode));
        }
        if ((mode & 07000) != 0) {
            Files.setAttribute(path, "unix:mode", mode);
        }
    }

    private static void setTimes(Path path, long nanos, LinkOption... options) {
        try {
            var view = Files.getFileAttributeView(path, java.nio.file.attribute.BasicFileAttributeView.class,
                    options);
            view.setTimes(FileTime.from(nanos, TimeUnit.NANOSECONDS), null, null);
        } catch (IOException | UnsupportedOperationException e) {
            // symlink times cannot be set on every platform; contents and modes are what matter
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }
}
