package io.lifeboat.storage.repo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads packs in aligned windows of a few MiB and keeps the last few, so that restoring many small files of
 * one chunk each, stored side by side, costs one request per window instead of one per file. A large chunk is
 * read on its own unless its window is already at hand. Files of many chunks are read in runs, not through
 * windows (see {@link ChunkSource#run}). Memory: {@code windows × size}.
 */
final class PackWindows {

    static final int WINDOW = 8 * 1024 * 1024;
    static final int KEEP = 4;
    static final int LARGE_BLOB = 128 * 1024;

    private final Repository repository;
    private final Map<String, CompletableFuture<byte[]>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<byte[]>> eldest) {
            return size() > KEEP;
        }
    };

    PackWindows(Repository repository) {
        this.repository = repository;
    }

    /** Where a blob's bytes lie in a window; the window is shared and must not be written to. */
    record Slice(byte[] window, int offset, int length) {
    }

    /** The blob's bytes in a window, or null when the blob is to be read on its own. */
    Slice blob(String packKey, PackEntry pack, BlobEntry blob) {
        long index = blob.offset() / WINDOW;
        long start = index * WINDOW;
        long end = Math.min(start + WINDOW, pack.size());
        if (blob.offset() + blob.length() > end) {
            return null;
        }
        String key = packKey + "#" + index;
        CompletableFuture<byte[]> window;
        boolean mine = false;
        synchronized (cache) {
            window = cache.get(key);
            if (window == null && blob.length() >= LARGE_BLOB) {
                return null;
            }
            if (window == null) {
                window = new CompletableFuture<>();
                cache.put(key, window);
                mine = true;
            }
        }
        if (mine) {
            try {
                window.complete(repository.locations().readRange(packKey, start, (int) (end - start), b -> b));
            } catch (RuntimeException e) {
                window.completeExceptionally(e);
                evict(key);
                throw e;
            }
        }
        return new Slice(window.join(), (int) (blob.offset() - start), blob.length());
    }

    void evict(String packKey, BlobEntry blob) {
        evict(packKey + "#" + blob.offset() / WINDOW);
    }

    private void evict(String key) {
        synchronized (cache) {
            cache.remove(key);
        }
    }
}
