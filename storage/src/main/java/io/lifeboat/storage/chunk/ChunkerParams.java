package io.lifeboat.storage.chunk;

/**
 * Content-defined chunking sizes. They are part of a repository's config: changing them
 * would stop new snapshots from deduplicating against old ones.
 */
public record ChunkerParams(int minSize, int avgSize, int maxSize) {

    public static final ChunkerParams DEFAULT = new ChunkerParams(256 * 1024, 1024 * 1024, 4 * 1024 * 1024);

    public ChunkerParams {
        if (Integer.bitCount(avgSize) != 1) {
            throw new IllegalArgumentException("average chunk size must be a power of two");
        }
        if (minSize < 64 || minSize >= avgSize || avgSize >= maxSize) {
            throw new IllegalArgumentException("chunk sizes must satisfy 64 <= min < avg < max");
        }
    }
}
