package io.lifeboat.storage.object;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/** Counts requests and bytes, for benchmarks and for the operations dashboard. */
public final class CountingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();

    public CountingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    public long requests() {
        return requests.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void put(String key, byte[] data) {
        requests.increment();
        delegate.put(key, data);
        bytesWritten.add(data.length);
    }

    @Override
    public byte[] get(String key) {
        requests.increment();
        byte[] data = delegate.get(key);
        bytesRead.add(data.length);
        return data;
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        requests.increment();
        byte[] data = delegate.getRange(key, offset, length);
        bytesRead.add(data.length);
        return data;
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        requests.increment();
        return delegate.stat(key);
    }

    @Override
    public void delete(String key) {
        requests.increment();
        delegate.delete(key);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        requests.increment();
        return delegate.list(prefix);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
