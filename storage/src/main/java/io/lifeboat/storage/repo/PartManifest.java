package io.lifeboat.storage.repo;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored part: its file tree (as chunks of JSON lines) and what storing it cost.
 *
 * @param bytes       logical bytes of every file
 * @param newBytes    plaintext bytes of chunks this part stored for the first time
 * @param storedBytes bytes of the packs this part uploaded (compressed and encrypted)
 * @param indexes     the index objects this part wrote
 * @param metadata    the part type's own facts, for example the server version
 */
public record PartManifest(int format, String project, String environment, String backupId, String part,
                           String type, Instant createdAt, @Nullable Instant pointInTime, List<String> tree,
                           long entries, long bytes, long newBytes, long storedBytes, long newChunks,
                           long reusedChunks, List<String> indexes, Map<String, String> metadata) {

    public static final int FORMAT = 1;
    static final String KIND = "part-manifest";
}
