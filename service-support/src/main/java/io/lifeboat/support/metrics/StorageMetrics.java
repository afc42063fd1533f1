package io.lifeboat.support.metrics;

import io.lifeboat.storage.repo.GcReport;
import io.lifeboat.storage.repo.RepairReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Storage, from what the retention service's garbage collection and repair report: bytes and packs reclaimed,
 * the objects found, repaired, and still missing from a location after the last repair (under-replicated).
 */
public final class StorageMetrics {

    private final Counter reclaimedBytes;
    private final Counter deletedPacks;
    private final Counter repaired;
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong underReplicated = new AtomicLong();

    StorageMetrics(MeterRegistry registry) {
        reclaimedBytes = Counter.builder(MetricNames.STORAGE_RECLAIMED_BYTES).register(registry);
        deletedPacks = Counter.builder(MetricNames.STORAGE_PACKS_DELETED).register(registry);
        repaired = Counter.builder(MetricNames.STORAGE_OBJECTS_REPAIRED).register(registry);
        Gauge.builder(MetricNames.STORAGE_OBJECTS, objects, AtomicLong::get).register(registry);
        Gauge.builder(MetricNames.STORAGE_UNDER_REPLICATED, underReplicated, AtomicLong::get).register(registry);
    }

    /** One project's garbage collection ran. */
    public void collected(GcReport report) {
        reclaimedBytes.increment(report.deletedBytes());
        deletedPacks.increment(report.deletedPacks());
    }

    /** A repair pass ran. */
    public void repaired(RepairReport report) {
        objects.set(report.objects());
        repaired.increment(report.repaired());
        underReplicated.set(report.problems().size());
    }
}
