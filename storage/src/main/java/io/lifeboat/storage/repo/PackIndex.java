package io.lifeboat.storage.repo;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In memory: which pack holds each chunk of one project, merged from the project's index objects. */
final class PackIndex {

    record Location(PackEntry pack, BlobEntry blob) {
    }

    private final Map<String, Location> chunks = new ConcurrentHashMap<>();
    private final Map<String, PackEntry> packs = new ConcurrentHashMap<>();
    private final Set<String> loadedIndexes = ConcurrentHashMap.newKeySet();

    void add(String indexName, IndexFile index) {
        for (PackEntry pack : index.packs()) {
            packs.put(pack.pack(), pack);
            for (BlobEntry blob : pack.blobs()) {
                chunks.putIfAbsent(blob.id(), new Location(pack, blob));
            }
        }
        loadedIndexes.add(indexName);
    }

    boolean isLoaded(String indexName) {
        return loadedIndexes.contains(indexName);
    }

    Set<String> loadedIndexes() {
        return Set.copyOf(loadedIndexes);
    }

    Location find(String chunkId) {
        return chunks.get(chunkId);
    }

    Collection<PackEntry> packs() {
        return packs.values();
    }

    int chunkCount() {
        return chunks.size();
    }

    /** A copy without the given packs: what a writer may deduplicate against. */
    PackIndex without(Set<String> condemnedPacks) {
        PackIndex copy = new PackIndex();
        for (Map.Entry<String, Location> e : chunks.entrySet()) {
            if (!condemnedPacks.contains(e.getValue().pack().pack())) {
                copy.chunks.put(e.getKey(), e.getValue());
                copy.packs.put(e.getValue().pack().pack(), e.getValue().pack());
            }
        }
        copy.loadedIndexes.addAll(loadedIndexes);
        return copy;
    }
}
