package io.lifeboat.support.metrics;

import io.lifeboat.contracts.backup.BackupRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;

import static io.lifeboat.support.metrics.MetricNames.*;

/**
 * The scheduler's slots, from the automated backups it requests: each names its slot ({@code scheduled_for}).
 * A slot fires within the spread after its time, on the next tick; later than that it is late (the scheduler
 * was down, or could not keep up).
 */
final class ScheduleMetrics {

    private final Meters meters;
    private final EnvironmentTags tags;
    private final Duration lateAfter;

    ScheduleMetrics(Meters meters, EnvironmentTags tags, Duration spread, Duration tick) {
        this.meters = meters;
        this.tags = tags;
        this.lateAfter = spread.plus(tick.multipliedBy(2));
        // present from the start, so that the first late slot shows as an increase
        Counter.builder(SCHEDULER_FIRED).register(meters.registry());
        Counter.builder(SCHEDULER_LATE).register(meters.registry());
    }

    void fired(BackupRequested e) {
        if (e.scheduledFor() == null) {
            return;
        }
        Duration delay = Duration.between(e.scheduledFor(), e.occurredAt());
        meters.count(SCHEDULER_FIRED, Tags.empty());
        if (delay.compareTo(lateAfter) > 0) {
            meters.count(SCHEDULER_LATE, Tags.empty());
        }
        meters.time(SCHEDULER_DELAY, Tags.empty(), delay, Meters.SHORT_BUCKETS);
        meters.set(SCHEDULER_LAST_SLOT, tags.of(e.environment()), Meters.epochSeconds(e.scheduledFor()));
    }
}
