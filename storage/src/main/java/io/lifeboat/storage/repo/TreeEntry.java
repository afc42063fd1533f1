package io.lifeboat.storage.repo;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One entry of a part's file tree. A part is always a tree: a mount's files, a code directory, or the
 * files of a database dump.
 *
 * @param path       relative, {@code /}-separated, never absolute and never containing {@code ..}
 * @param mode       permission bits, for example {@code 0644}
 * @param mtimeNanos modification time in nanoseconds since the epoch
 * @param target     a symlink's target, as stored; null for other kinds
 * @param chunks     a file's content, as chunk ids in order; empty for other kinds
 * @param inode      the file's inode when it was read, or null; with size and mtime it tells whether the
 *                   next backup may reuse the chunks without reading the file
 */
public record TreeEntry(String path, Kind kind, int mode, long mtimeNanos, long size, @Nullable String target,
                        List<String> chunks, @Nullable Long inode) {

    public enum Kind { FILE, DIRECTORY, SYMLINK }

    public TreeEntry {
        checkPath(path);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    public TreeEntry(String path, Kind kind, int mode, long mtimeNanos, long size, @Nullable String target,
                     List<String> chunks) {
        this(path, kind, mode, mtimeNanos, size, target, chunks, null);
    }

    /** True when a file with these attributes is, by size, modification time, mode and inode, this file. */
    public boolean sameFile(int mode, long mtimeNanos, long size, @Nullable Long inode) {
        return kind == Kind.FILE && this.mode == mode && this.mtimeNanos == mtimeNanos && this.size == size
                && inode != null && inode.equals(this.inode);
    }

    /**
     * Rejects absolute paths and {@code ..}: a restore must never write outside its target. A backslash is an
     * ordinary character in a POSIX name, and so is kept.
     */
    public static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\0")) {
            throw new IllegalArgumentException("unsafe path in tree: '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("unsafe path in tree: '" + path + "'");
            }
        }
        return path;
    }
}
