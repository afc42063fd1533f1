package io.lifeboat.support.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a label's cardinality bounded: the first {@code limit} distinct values pass, every later one reads
 * {@link #OTHER}. A value once admitted stays, so a series never changes label.
 */
final class BoundedValues {

    static final String OTHER = "other";
    static final String NONE = "none";

    private final int limit;
    private final Set<String> admitted = new HashSet<>();

    BoundedValues(int limit) {
        this.limit = limit;
    }

    synchronized String of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (admitted.contains(value) || admitted.size() < limit && admitted.add(value)) {
            return value;
        }
        return OTHER;
    }
}
