package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads chunks of one project and verifies each one: the AES-GCM tag authenticates it, and its keyed hash
 * must equal its id. A copy that fails either check is rejected and another location is tried.
 */
final class ChunkSource {

    private final Repository repository;
    private final String project;
    private final PackWindows windows;
    private volatile PackIndex index;

    ChunkSource(Repository repository, String project, PackIndex index) {
        this.repository = repository;
        this.project = project;
        this.index = index;
        this.windows = new PackWindows(repository);
    }

    /** The chunk's plaintext. {@code context} names the backup and part for error messages. */
    byte[] read(String chunkId, Supplier<String> context) {
        PackIndex.Location location = index.find(chunkId);
        if (location == null) {
            index = repository.index(project);
            location = index.find(chunkId);
        }
        if (location == null) {
            throw new CorruptDataException(context.get() + ": chunk " + chunkId + " is not in any index", null);
        }
        try {
            return read(location, context);
        } catch (ObjectNotFoundException e) {
            PackIndex fresh = repository.index(project);
            PackIndex.Location moved = fresh.find(chunkId);
            if (moved == null || moved.pack().pack().equals(location.pack().pack())) {
                throw new CorruptDataException(context.get() + ": chunk " + chunkId + " is missing: "
                        + e.getMessage(), e);
            }
            index = fresh;
            return read(moved, context);
        }
    }

    private byte[] read(PackIndex.Location location, Supplier<String> context) {
        BlobEntry blob = location.blob();
        String packKey = RepositoryLayout.pack(project, location.pack().pack());
        ProjectKeys keys = repository.keys().byId(project, location.pack().keyId());
        try {
            PackWindows.Slice windowed = windows.blob(packKey, location.pack(), blob);
            if (windowed != null) {
                try {
                    return open(keys, blob, windowed.window(), windowed.offset(), windowed.length(), packKey);
                } catch (CorruptDataException e) {
                    windows.evict(packKey, blob);
                }
            }
            return repository.locations().readRange(packKey, blob.offset(), blob.length(),
                    sealed -> open(keys, blob, sealed, 0, sealed.length, packKey));
        } catch (CorruptDataException e) {
            if (e.getMessage().startsWith(context.get())) {
                throw e;
            }
            throw new CorruptDataException(context.get() + ": " + e.getMessage(), e);
        }
    }

    static byte[] open(ProjectKeys keys, BlobEntry blob, byte[] sealed, int offset, int length, String packKey) {
        String what = "chunk " + blob.id() + " in object " + packKey;
        byte[] plain = keys.open(sealed, offset, length, blob.id().getBytes(StandardCharsets.US_ASCII), what);
        byte[] chunk = blob.compressed() ? Compression.decompress(plain, blob.rawLength(), what) : plain;
        if (chunk.length != blob.rawLength() || !keys.chunkId(chunk, 0, chunk.length).equals(blob.id())) {
            throw new CorruptDataException(what + " does not match its id", null);
        }
        return chunk;
    }
}
