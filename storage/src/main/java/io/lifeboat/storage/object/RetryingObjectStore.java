package io.lifeboat.storage.object;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Retries calls that failed with a retryable {@link StorageException}, with exponential backoff. */
public final class RetryingObjectStore implements ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(RetryingObjectStore.class);

    private final ObjectStore delegate;
    private final int attempts;
    private final Duration firstBackoff;

    public RetryingObjectStore(ObjectStore delegate, int attempts, Duration firstBackoff) {
        this.delegate = delegate;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void put(String key, byte[] data) {
        retry(() -> {
            delegate.put(key, data);
            return null;
        });
    }

    @Override
    public byte[] get(String key) {
        return retry(() -> delegate.get(key));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        return retry(() -> delegate.getRange(key, offset, length));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return retry(() -> delegate.stat(key));
    }

    @Override
    public void delete(String key) {
        retry(() -> {
            delegate.delete(key);
            return null;
        });
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        return retry(() -> delegate.list(prefix).toList()).stream();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private <T> T retry(Supplier<T> call) {
        long backoff = firstBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StorageException e) {
                if (e.permanent() || attempt >= attempts) {
                    throw e;
                }
                log.warn("{} (attempt {} of {}); retrying in {} ms", e.getMessage(), attempt, attempts, backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
}
