package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;

import java.util.Optional;
import java.util.stream.Stream;

/** A location that can be taken down, as a zone outage would. */
final class SwitchableStore implements ObjectStore {

    private final ObjectStore delegate;
    private volatile boolean down;
    private volatile String refusedPuts;
    private volatile java.util.function.Consumer<String> beforePut = key -> { };

    SwitchableStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Puts of keys under {@code prefix} fail while everything else works; null accepts every put again. */
    void refusePuts(String prefix) {
        this.refusedPuts = prefix;
    }

    /** Runs before every put, with its key: a slow upload, for example, moves a test clock. */
    void beforePut(java.util.function.Consumer<String> hook) {
        this.beforePut = hook;
    }

    private void check(String operation) {
        if (down) {
            throw new StorageException(name() + ": " + operation + " failed: connection refused", false, null);
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void put(String key, byte[] data) {
        check("put " + key);
        beforePut.accept(key);
        String refused = refusedPuts;
        if (refused != null && key.startsWith(refused)) {
            throw new StorageException(name() + ": put " + key + " failed: HTTP 503 Slow Down", false, null);
        }
        delegate.put(key, data);
    }

    @Override
    public byte[] get(String key) {
        check("get " + key);
        return delegate.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        check("get " + key);
        return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        check("stat " + key);
        return delegate.stat(key);
    }

    @Override
    public void delete(String key) {
        check("delete " + key);
        delegate.delete(key);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        check("list " + prefix);
        return delegate.list(prefix);
    }
}
