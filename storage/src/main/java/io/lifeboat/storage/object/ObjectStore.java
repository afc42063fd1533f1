package io.lifeboat.storage.object;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * One storage location: a flat namespace of immutable objects (an S3 bucket, a directory, memory).
 *
 * <p>Contract, checked for every implementation by {@code ObjectStoreConformance}:
 * <ul>
 *   <li>{@link #put} is atomic: a reader sees the whole object or nothing. Putting the same bytes again is
 *       idempotent; putting other bytes replaces the object.</li>
 *   <li>{@link #get} and {@link #getRange} of a missing key throw {@link ObjectNotFoundException}, which is
 *       permanent.</li>
 *   <li>{@link #delete} is idempotent: deleting a missing key succeeds.</li>
 *   <li>{@link #list} returns every key under the prefix, in lexicographic order, lazily.</li>
 *   <li>Every failure is a {@link StorageException}; {@link StorageException#permanent()} says whether
 *       a retry can help. Retrying is left to a decorator ({@link RetryingObjectStore}).</li>
 * </ul>
 * Keys are {@code /}-separated, without {@code ..} segments; {@link Keys#check} enforces it.
 */
public interface ObjectStore extends AutoCloseable {

    /** The location's name, used in every error message. */
    String name();

    void put(String key, byte[] data);

    byte[] get(String key);

    byte[] getRange(String key, long offset, int length);

    Optional<ObjectInfo> stat(String key);

    void delete(String key);

    Stream<ObjectInfo> list(String prefix);

    @Override
    default void close() {
    }
}
