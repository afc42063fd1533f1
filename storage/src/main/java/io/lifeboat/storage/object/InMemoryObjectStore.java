package io.lifeboat.storage.object;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** Objects in memory, for tests and for the conformance suite's reference behaviour. */
public final class InMemoryObjectStore implements ObjectStore {

    private record Stored(byte[] data, Instant lastModified) {
    }

    private final String name;
    private final Clock clock;
    private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();

    public InMemoryObjectStore(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void put(String key, byte[] data) {
        objects.put(Keys.check(key), new Stored(data.clone(), clock.instant()));
    }

    @Override
    public byte[] get(String key) {
        return find(key).data().clone();
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        byte[] data = find(key).data();
        if (offset < 0 || offset + length > data.length) {
            throw new StorageException(name + ": range " + offset + "+" + length + " outside " + key, true, null);
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        Stored stored = objects.get(Keys.check(key));
        return Optional.ofNullable(stored).map(s -> new ObjectInfo(key, s.data().length, s.lastModified()));
    }

    @Override
    public void delete(String key) {
        objects.remove(Keys.check(key));
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        return objects.tailMap(prefix).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .map(e -> new ObjectInfo(e.getKey(), e.getValue().data().length, e.getValue().lastModified()));
    }

    /** Test hook: replaces an object's bytes in place, as disk corruption would. */
    public void corrupt(String key, int offset) {
        byte[] data = find(key).data();
        data[offset] ^= 0x5a;
    }

    private Stored find(String key) {
        Stored stored = objects.get(Keys.check(key));
        if (stored == null) {
            throw new ObjectNotFoundException(name, key);
        }
        return stored;
    }
}
