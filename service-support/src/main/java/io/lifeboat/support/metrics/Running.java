package io.lifeboat.support.metrics;

import io.lifeboat.contracts.Ids;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backups (or restores) this instance started and has not seen end, with when they started: at most
 * {@link #LIMIT}, the oldest forgotten first. A worker restarted forgets them; a duration then counts from
 * the operation's id, which holds its creation time.
 */
final class Running {

    static final int LIMIT = 10_000;

    private final Clock clock;
    private final Map<String, Instant> started = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > LIMIT;
        }
    };

    Running(Clock clock) {
        this.clock = clock;
    }

    /** Shows how many run, how long the oldest has, and the deadline they have. */
    Running expose(MeterRegistry registry, String count, String longest, String deadlineName, Duration deadline) {
        Gauge.builder(count, this, Running::size).register(registry);
        Gauge.builder(longest, this, Running::longestSeconds).register(registry);
        Gauge.builder(deadlineName, deadline, d -> d.toMillis() / 1000.0).register(registry);
        return this;
    }

    synchronized void start(String id, Instant at) {
        started.putIfAbsent(id, at);
    }

    /** Forgets the operation; returns how long it ran. */
    synchronized Duration end(String id, Instant at) {
        Instant start = started.remove(id);
        if (start == null) {
            start = createdAt(id);
        }
        return start == null ? null : Duration.between(start, at);
    }

    synchronized int size() {
        return started.size();
    }

    /** How long the oldest of them has been running, in seconds; 0 when none runs. */
    synchronized double longestSeconds() {
        Instant now = clock.instant();
        return started.values().stream().min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now).toMillis() / 1000.0).orElse(0.0);
    }

    /** A time-ordered id's first 12 hex digits are its creation time in milliseconds ({@link Ids}). */
    static Instant createdAt(String id) {
        return Ids.isId(id) ? Instant.ofEpochMilli(HexFormat.fromHexDigitsToLong(id.substring(0, 12))) : null;
    }
}
