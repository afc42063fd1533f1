package io.lifeboat.contracts;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one part's snapshot or restore produced.
 *
 * @param bytes       logical bytes read from (or written to) the service
 * @param storedBytes new bytes written to object storage after deduplication and compression
 * @param pointInTime when the part's point-in-time snapshot was taken, or null
 * @param objects     what a restore brought back, counted by kind ({@code tables}, {@code views},
 *                    {@code routines}, {@code keys}, {@code files}, ...); empty for a backup, and in events
 *                    written before it was added (schema version 1 gained it)
 */
public record PartResult(String name, String type, PartStatus status, long bytes, long storedBytes,
                         @Nullable Instant pointInTime, @Nullable String error,
                         @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Long> objects) {

    public PartResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        objects = objects == null ? Map.of() : Map.copyOf(objects);
    }

    public PartResult(String name, String type, PartStatus status, long bytes, long storedBytes,
                      @Nullable Instant pointInTime, @Nullable String error) {
        this(name, type, status, bytes, storedBytes, pointInTime, error, Map.of());
    }

    public enum PartStatus { PENDING, COMPLETED, FAILED }
}
