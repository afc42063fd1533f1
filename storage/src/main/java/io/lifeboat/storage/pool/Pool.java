package io.lifeboat.storage.pool;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Costly objects that are not thread-safe (ciphers, MACs, zstd contexts), reused from task to task. A
 * {@link ThreadLocal} would not do: virtual threads run one task each, so it would build one object per task.
 * An object whose use threw is dropped rather than reused; at most {@code maxIdle} objects wait for reuse.
 * Dropped objects are handed to {@code discard}, which frees what the garbage collector would not (the native
 * memory of a zstd context).
 */
public final class Pool<T> {

    private final Supplier<? extends T> factory;
    private final Consumer<? super T> discard;
    private final int maxIdle;
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    public Pool(Supplier<? extends T> factory, int maxIdle) {
        this(factory, item -> { }, maxIdle);
    }

    public Pool(Supplier<? extends T> factory, Consumer<? super T> discard, int maxIdle) {
        this.factory = factory;
        this.discard = discard;
        this.maxIdle = maxIdle;
    }

    /** Runs {@code use} with an object of the pool, which no other caller holds meanwhile. */
    public <R> R apply(Function<? super T, R> use) {
        T item = idle.poll();
        if (item == null) {
            item = factory.get();
        } else {
            idleCount.decrementAndGet();
        }
        R result;
        try {
            result = use.apply(item);
        } catch (RuntimeException | Error e) {
            discard.accept(item);
            throw e;
        }
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.offer(item);
        } else {
            idleCount.decrementAndGet();
            discard.accept(item);
        }
        return result;
    }
}
