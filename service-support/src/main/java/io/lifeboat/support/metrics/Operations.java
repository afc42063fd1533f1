package io.lifeboat.support.metrics;

import io.lifeboat.contracts.EnvironmentRef;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.time.Instant;

/**
 * What backups and restores share: {@code lifeboat_<kind>_attempt_total}, {@code _success_total},
 * {@code _last_successful_timestamp}, {@code _duration_seconds}, and the ones running against their deadline.
 */
final class Operations {

    private final Meters meters;
    private final EnvironmentTags tags;
    private final Running running;
    private final String prefix;

    /** @param kind {@code backup} or {@code restore} */
    Operations(Meters meters, EnvironmentTags tags, Running running, String kind, Duration deadline) {
        this.meters = meters;
        this.tags = tags;
        this.prefix = "lifeboat." + kind + ".";
        this.running = running.expose(meters.registry(), prefix + "running", prefix + "running.longest.seconds",
                prefix + "deadline.seconds", deadline);
    }

    void started(String id, EnvironmentRef environment, Instant at) {
        running.start(id, at);
        meters.count(prefix + "attempt", tags.of(environment));
    }

    /** Returns the environment's tags. */
    Tags completed(String id, EnvironmentRef environment, Instant at) {
        Tags environmentTags = tags.of(environment);
        meters.count(prefix + "success", environmentTags);
        meters.set(prefix + "last.successful.timestamp", environmentTags, Meters.epochSeconds(at));
        Duration took = running.end(id, at);
        if (took != null) {
            meters.time(prefix + "duration", environmentTags, took, Meters.OPERATION_BUCKETS);
        }
        return environmentTags;
    }

    void failed(String id, Instant at) {
        running.end(id, at);
    }
}
