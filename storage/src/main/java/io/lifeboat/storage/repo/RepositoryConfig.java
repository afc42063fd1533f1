package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;

import java.time.Instant;

/**
 * The plaintext {@code config} object of a repository. Readers refuse a format outside
 * [{@link #MIN_FORMAT}, {@link #MAX_FORMAT}]; formats change by adding fields.
 */
record RepositoryConfig(int format, String repositoryId, Instant createdAt, int chunkMin, int chunkAvg,
                        int chunkMax) {

    static final int MIN_FORMAT = 1;
    static final int MAX_FORMAT = 1;

    ChunkerParams chunker() {
        return new ChunkerParams(chunkMin, chunkAvg, chunkMax);
    }
}
