package io.lifeboat.support.metrics;

import io.lifeboat.contracts.EnvironmentRef;
import io.micrometer.core.instrument.Tags;

/**
 * The {@code project} and {@code environment} labels: at most {@code limit} environments get their own, every
 * later one counts under {@code project="other", environment="other"}; and the {@code part_type} label, at most
 * 16 types.
 */
final class EnvironmentTags {

    static final int PART_TYPES = 16;

    private final BoundedValues environments;
    private final BoundedValues partTypes = new BoundedValues(PART_TYPES);

    EnvironmentTags(int limit) {
        this.environments = new BoundedValues(limit);
    }

    Tags of(EnvironmentRef ref) {
        return environments.of(ref.key()).equals(BoundedValues.OTHER)
                ? Tags.of("project", BoundedValues.OTHER, "environment", BoundedValues.OTHER)
                : Tags.of("project", ref.project(), "environment", ref.environment());
    }

    Tags of(EnvironmentRef ref, String partType) {
        return of(ref).and("part_type", partTypes.of(partType));
    }

    String partType(String type) {
        return partTypes.of(type);
    }
}
