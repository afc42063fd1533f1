package io.lifeboat.storage.repo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads packs in aligned windows of a few MiB and keeps the last few, so that restoring many chunks stored
 * side by side costs one request per window instead of one per chunk. Memory: {@code windows × size}.
 */
final class PackWindows {

    static final int WINDOW = 8 * 1024 * 1024;
    static final int KEEP = 4;

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

    /** The blob's bytes from a cached window, or null when the blob does not fit in one window. */
    byte[] blob(String packKey, PackEntry pack, BlobEntry blob) {
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
        byte[] data = window.join();
        int from = (int) (blob.offset() - start);
        byte[] sealed = new byte[blob.length()];
        System.arraycopy(data, from, sealed, 0, blob.length());
        return sealed;
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
