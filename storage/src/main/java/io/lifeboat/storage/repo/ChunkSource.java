package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads chunks of one project and verifies each one: the AES-GCM tag authenticates it, and its keyed hash
 * must equal its id. A copy that fails either check is rejected and another location is tried.
 */
final class ChunkSource {

    /** At most this many bytes of chunks side by side in a pack are read with one request. */
    static final int RUN_BYTES = 4 * 1024 * 1024;

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
        return read(chunkId, context, true);
    }

    /** As {@link #read(String, Supplier)}; {@code windowed} says whether a small chunk is read with its window. */
    private byte[] read(String chunkId, Supplier<String> context, boolean windowed) {
        PackIndex.Location location = index.find(chunkId);
        if (location == null) {
            index = repository.index(project);
            location = index.find(chunkId);
        }
        if (location == null) {
            throw new CorruptDataException(context.get() + ": chunk " + chunkId + " is not in any index", null);
        }
        try {
            return read(location, context, windowed);
        } catch (ObjectNotFoundException e) {
            PackIndex fresh = repository.index(project);
            PackIndex.Location moved = fresh.find(chunkId);
            if (moved == null || moved.pack().pack().equals(location.pack().pack())) {
                throw new CorruptDataException(context.get() + ": chunk " + chunkId + " is missing: "
                        + e.getMessage(), e);
            }
            index = fresh;
            return read(moved, context, windowed);
        }
    }

    /**
     * Which chunks of {@code ids}, from {@code from} on, one request can read: at least one. They must be
     * distinct and lie side by side in one pack, each next to those before it on either side (packs are
     * filled as chunks finish compressing), so that the request reads nothing else; the range and the
     * plaintext are each at most {@link #RUN_BYTES}.
     */
    ChunkInputStream.Run run(List<String> ids, int from) {
        PackIndex current = index;
        PackIndex.Location first = current.find(ids.get(from));
        if (first == null) {
            return new ChunkInputStream.Run(1, 0);
        }
        Set<String> seen = new HashSet<>(List.of(first.blob().id()));
        long low = first.blob().offset();
        long high = low + first.blob().length();
        long used = first.blob().length();
        long plain = first.blob().rawLength();
        int n = 1;
        for (; from + n < ids.size(); n++) {
            PackIndex.Location next = current.find(ids.get(from + n));
            if (next == null || !seen.add(next.blob().id())
                    || !next.pack().pack().equals(first.pack().pack())) {
                break;
            }
            long newLow = Math.min(low, next.blob().offset());
            long newHigh = Math.max(high, next.blob().offset() + next.blob().length());
            long span = newHigh - newLow;
            if (span > RUN_BYTES || span != used + next.blob().length()
                    || plain + next.blob().rawLength() > RUN_BYTES) {
                break;
            }
            low = newLow;
            high = newHigh;
            used += next.blob().length();
            plain += next.blob().rawLength();
        }
        return new ChunkInputStream.Run(n, plain);
    }

    /**
     * The plaintexts of chunks that {@link #run} grouped, in order, read with one request while they are
     * still in one pack, and never through windows: a file of many chunks reads only its own. Each chunk is
     * verified; when any copy of the run fails, its chunks are read one by one, so that each can come from
     * whichever location holds it intact.
     */
    List<byte[]> readRun(List<String> ids, Supplier<String> context) {
        if (ids.size() == 1) {
            return List.of(read(ids.getFirst(), context, false));
        }
        PackIndex current = index;
        List<PackIndex.Location> run = new ArrayList<>(ids.size());
        for (String id : ids) {
            PackIndex.Location location = current.find(id);
            if (location == null) {
                return readEach(ids, context);
            }
            run.add(location);
        }
        PackEntry pack = run.getFirst().pack();
        long low = run.stream().mapToLong(l -> l.blob().offset()).min().orElseThrow();
        long high = run.stream().mapToLong(l -> l.blob().offset() + l.blob().length()).max().orElseThrow();
        boolean onePack = run.stream().allMatch(l -> l.pack().pack().equals(pack.pack()));
        if (!onePack || high - low > RUN_BYTES || high - low != run.stream().mapToLong(l -> l.blob().length()).sum()) {
            // the index changed since the run was planned
            return readEach(ids, context);
        }
        String packKey = RepositoryLayout.pack(project, pack.pack());
        ProjectKeys keys = repository.keys().byId(project, pack.keyId());
        try {
            return repository.locations().readRange(packKey, low, (int) (high - low), bytes -> {
                List<byte[]> chunks = new ArrayList<>(run.size());
                for (PackIndex.Location location : run) {
                    BlobEntry blob = location.blob();
                    chunks.add(open(keys, blob, bytes, (int) (blob.offset() - low), blob.length(), packKey));
                }
                return chunks;
            });
        } catch (ObjectNotFoundException | CorruptDataException e) {
            return readEach(ids, context);
        }
    }

    private List<byte[]> readEach(List<String> ids, Supplier<String> context) {
        List<byte[]> chunks = new ArrayList<>(ids.size());
        for (String id : ids) {
            chunks.add(read(id, context, false));
        }
        return chunks;
    }

    private byte[] read(PackIndex.Location location, Supplier<String> context, boolean windowed) {
        BlobEntry blob = location.blob();
        String packKey = RepositoryLayout.pack(project, location.pack().pack());
        ProjectKeys keys = repository.keys().byId(project, location.pack().keyId());
        try {
            PackWindows.Slice window = windowed ? windows.blob(packKey, location.pack(), blob) : null;
            if (window != null) {
                try {
                    return open(keys, blob, window.window(), window.offset(), window.length(), packKey);
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
