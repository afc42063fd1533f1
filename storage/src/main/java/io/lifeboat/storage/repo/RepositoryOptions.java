package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;

import java.time.Duration;

/**
 * How a repository is written and maintained.
 *
 * @param chunker          chunk sizes for a new repository; an existing one keeps those in its config
 * @param packSize         a pack is uploaded once it reaches this many bytes
 * @param compressionLevel zstd level
 * @param leaseTtl         a writer whose lease is not renewed for this long is presumed dead
 * @param gcGrace          condemned data is deleted this long after it was condemned
 * @param threads          chunks hashed, compressed and encrypted in parallel
 * @param gcMaxChunksInMemory garbage collection marks live chunks in passes of at most this many
 */
public record RepositoryOptions(ChunkerParams chunker, int packSize, int compressionLevel, Duration leaseTtl,
                                Duration gcGrace, int threads, long gcMaxChunksInMemory) {

    public static RepositoryOptions defaults() {
        return new RepositoryOptions(ChunkerParams.DEFAULT, 16 * 1024 * 1024, 1, Duration.ofMinutes(10),
                Duration.ofMinutes(15), Math.max(2, Runtime.getRuntime().availableProcessors()), 4_000_000);
    }

    public RepositoryOptions withGcGrace(Duration grace) {
        return new RepositoryOptions(chunker, packSize, compressionLevel, leaseTtl, grace, threads,
                gcMaxChunksInMemory);
    }

    public RepositoryOptions withChunker(ChunkerParams params) {
        return new RepositoryOptions(params, packSize, compressionLevel, leaseTtl, gcGrace, threads,
                gcMaxChunksInMemory);
    }

    public RepositoryOptions withPackSize(int bytes) {
        return new RepositoryOptions(chunker, bytes, compressionLevel, leaseTtl, gcGrace, threads,
                gcMaxChunksInMemory);
    }

    public RepositoryOptions withLeaseTtl(Duration ttl) {
        return new RepositoryOptions(chunker, packSize, compressionLevel, ttl, gcGrace, threads,
                gcMaxChunksInMemory);
    }

    public RepositoryOptions withGcMaxChunksInMemory(long chunks) {
        return new RepositoryOptions(chunker, packSize, compressionLevel, leaseTtl, gcGrace, threads, chunks);
    }
}
