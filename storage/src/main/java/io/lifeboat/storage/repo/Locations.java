package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectNotFoundException;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The repository's storage locations, one per zone or data center. Writes go to every location and
 * succeed once {@code writeQuorum} of them hold the object. Reads try the healthiest location first
 * and fail over to the next when one is down or returns data that fails verification.
 */
public final class Locations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Locations.class);

    private final List<ObjectStore> stores;
    private final int writeQuorum;
    private final ExecutorService io;
    private final Map<String, Long> lastFailure = new ConcurrentHashMap<>();

    public Locations(List<ObjectStore> stores, int writeQuorum, ExecutorService io) {
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("at least one storage location is required");
        }
        if (writeQuorum < 1 || writeQuorum > stores.size()) {
            throw new IllegalArgumentException("write quorum must be between 1 and " + stores.size());
        }
        this.stores = List.copyOf(stores);
        this.writeQuorum = writeQuorum;
        this.io = io;
    }

    public int size() {
        return stores.size();
    }

    public int writeQuorum() {
        return writeQuorum;
    }

    List<ObjectStore> stores() {
        return stores;
    }

    /** Stores the object in every location; fails unless at least the write quorum holds it. */
    void put(String key, byte[] data) {
        write(key, data, false);
    }

    /**
     * As {@link #put}, for an object whose presence alone means something (a manifest): when the quorum is
     * missed, the copies that were written are deleted again, so that no location holds the object.
     */
    void putOrRemove(String key, byte[] data) {
        write(key, data, true);
    }

    private void write(String key, byte[] data, boolean removeOnFailure) {
        List<CompletableFuture<Void>> writes = stores.stream()
                .map(store -> CompletableFuture.runAsync(() -> store.put(key, data), io))
                .toList();
        List<String> failures = new ArrayList<>();
        List<ObjectStore> written = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            try {
                writes.get(i).join();
                written.add(stores.get(i));
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                failures.add(cause.getMessage());
                markFailed(stores.get(i));
            }
        }
        if (written.size() < writeQuorum) {
            throw new StorageException("stored " + key + " in " + written.size() + " of " + stores.size()
                    + " locations, " + writeQuorum + " required: " + String.join("; ", failures)
                    + (removeOnFailure ? remove(key, written) : ""), false, null);
        }
        if (!failures.isEmpty()) {
            log.warn("{} is in {} of {} locations: {}", key, written.size(), stores.size(), failures);
        }
    }

    /** Deletes a key that missed its quorum from every location; says which written copies remain. */
    private String remove(String key, List<ObjectStore> written) {
        List<String> remaining = new ArrayList<>();
        for (ObjectStore store : stores) {
            try {
                store.delete(key);
            } catch (StorageException e) {
                markFailed(store);
                if (written.contains(store)) {
                    remaining.add(store.name());
                }
            }
        }
        if (remaining.isEmpty()) {
            return "; the copies written were removed";
        }
        log.error("{} missed its write quorum and could not be removed from locations {}", key, remaining);
        return "; its copies in locations " + remaining + " could not be removed";
    }

    /**
     * Reads an object and checks it; the first location whose copy passes {@code check} wins.
     * {@code check} throws (for example {@code CorruptDataException}) to reject a copy.
     */
    <T> T read(String key, Function<byte[], T> check) {
        return readWith(key, store -> store.get(key), check);
    }

    <T> T readRange(String key, long offset, int length, Function<byte[], T> check) {
        return readWith(key, store -> store.getRange(key, offset, length), check);
    }

    private <T> T readWith(String key, Function<ObjectStore, byte[]> fetch, Function<byte[], T> check) {
        List<String> failures = new ArrayList<>();
        boolean allMissing = true;
        boolean corrupt = false;
        StorageException last = null;
        for (ObjectStore store : byHealth()) {
            try {
                return check.apply(fetch.apply(store));
            } catch (StorageException e) {
                allMissing &= e instanceof ObjectNotFoundException;
                corrupt |= e instanceof CorruptDataException;
                failures.add("location " + store.name() + ": " + e.getMessage());
                last = e;
                markFailed(store);
                if (stores.size() > 1) {
                    log.warn("read of {} from location {} failed, trying another: {}", key, store.name(),
                            e.getMessage());
                }
            }
        }
        if (allMissing) {
            throw last;
        }
        String message = "no location has a good copy of " + key + ": " + String.join("; ", failures);
        throw corrupt ? new CorruptDataException(message, last) : new StorageException(message, last.permanent(), last);
    }

    Optional<ObjectInfo> stat(String key) {
        for (ObjectStore store : byHealth()) {
            try {
                Optional<ObjectInfo> info = store.stat(key);
                if (info.isPresent()) {
                    return info;
                }
            } catch (StorageException e) {
                markFailed(store);
            }
        }
        return Optional.empty();
    }

    /** How many locations hold the key; unreachable locations count as not holding it. */
    int copies(String key) {
        int copies = 0;
        for (ObjectStore store : stores) {
            try {
                if (store.stat(key).isPresent()) {
                    copies++;
                }
            } catch (StorageException e) {
                markFailed(store);
            }
        }
        return copies;
    }

    /** The union of every reachable location's keys under the prefix, in key order. */
    Stream<ObjectInfo> list(String prefix) {
        return list(prefix, false);
    }

    /**
     * The union of every location's keys under the prefix, in key order; fails, naming the location, when any
     * one cannot be listed. For decisions that a partial view would make wrong, such as what to delete.
     */
    Stream<ObjectInfo> listEverywhere(String prefix) {
        return list(prefix, true);
    }

    private Stream<ObjectInfo> list(String prefix, boolean everywhere) {
        TreeMap<String, ObjectInfo> merged = new TreeMap<>();
        int reachable = 0;
        StorageException last = null;
        for (ObjectStore store : stores) {
            try (Stream<ObjectInfo> listing = store.list(prefix)) {
                listing.forEach(info -> merged.merge(info.key(), info,
                        (a, b) -> a.lastModified().isBefore(b.lastModified()) ? a : b));
                reachable++;
            } catch (StorageException e) {
                last = e;
                markFailed(store);
                if (everywhere) {
                    throw new StorageException("location " + store.name() + " cannot be listed: " + e.getMessage(),
                            false, e);
                }
            }
        }
        if (reachable == 0) {
            throw last;
        }
        return merged.values().stream();
    }

    /** Deletes the key from every location; idempotent. Fails if a location could not be reached. */
    void delete(String key) {
        List<String> failures = new ArrayList<>();
        for (ObjectStore store : stores) {
            try {
                store.delete(key);
            } catch (StorageException e) {
                failures.add(e.getMessage());
                markFailed(store);
            }
        }
        if (!failures.isEmpty()) {
            throw new StorageException("delete of " + key + " incomplete: " + String.join("; ", failures), false,
                    null);
        }
    }

    private List<ObjectStore> byHealth() {
        return stores.stream().sorted(Comparator.comparingLong(s -> lastFailure.getOrDefault(s.name(), 0L)))
                .toList();
    }

    private void markFailed(ObjectStore store) {
        lastFailure.put(store.name(), System.nanoTime());
    }

    @Override
    public void close() {
        stores.forEach(ObjectStore::close);
    }
}
