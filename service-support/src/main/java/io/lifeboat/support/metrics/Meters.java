package io.lifeboat.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters, gauges that hold a value and histograms with fixed buckets, over one registry. */
final class Meters {

    /** Buckets of a backup's or restore's duration, as Velero's. */
    static final Duration[] OPERATION_BUCKETS = durations("10s", "30s", "1m", "2m", "5m", "10m", "30m", "1h", "2h",
            "4h", "6h", "12h");
    /** Buckets of a hold, a skew or a slot's delay. */
    static final Duration[] SHORT_BUCKETS = durations("10ms", "50ms", "100ms", "250ms", "500ms", "1s", "2500ms", "5s",
            "10s", "30s", "1m", "5m", "30m", "1h");

    private final MeterRegistry registry;
    // gauges hold their state weakly: it lives here
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    void count(String name, Tags tags) {
        count(name, tags, 1);
    }

    void count(String name, Tags tags, double amount) {
        Counter.builder(name).tags(tags).register(registry).increment(amount);
    }

    /** A gauge that reads the last value set. */
    void set(String name, Tags tags, double value) {
        values.computeIfAbsent(name + tags, key -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).tags(tags).register(registry);
            return bits;
        }).set(Double.doubleToLongBits(value));
    }

    void time(String name, Tags tags, Duration duration, Duration[] buckets) {
        Timer.builder(name).tags(tags).serviceLevelObjectives(buckets).register(registry)
                .record(duration.isNegative() ? Duration.ZERO : duration);
    }

    static double epochSeconds(java.time.Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    private static Duration[] durations(String... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = org.springframework.boot.convert.DurationStyle.detectAndParse(values[i]);
        }
        return durations;
    }
}
