package io.lifeboat.contracts;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * What one part's snapshot or restore produced.
 *
 * @param bytes       logical bytes read from (or written to) the service
 * @param storedBytes new bytes written to object storage after deduplication and compression
 * @param pointInTime when the part's point-in-time snapshot was taken, or null
 */
public record PartResult(String name, String type, PartStatus status, long bytes, long storedBytes,
                         @Nullable Instant pointInTime, @Nullable String error) {

    public PartResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    public enum PartStatus { PENDING, COMPLETED, FAILED }
}
