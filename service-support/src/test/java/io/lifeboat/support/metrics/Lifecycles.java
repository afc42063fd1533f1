package io.lifeboat.support.metrics;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupHoldReleased;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.storage.repo.GcReport;
import io.lifeboat.storage.repo.RepairReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Events of every kind the metrics count, sent through the metrics as the services publish them. */
final class Lifecycles {

    static final Instant T0 = Instant.parse("2026-11-25T04:00:00Z");
    static final Duration SPREAD = Duration.ofMinutes(60);
    static final Duration TICK = Duration.ofSeconds(30);

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    final EventMetrics metrics;

    Lifecycles(int maxEnvironments) {
        registry.config().meterFilter(new MetricsConfiguration().consumerLagName());
        metrics = EventMetrics.create(registry, clock, maxEnvironments, Duration.ofHours(6), Duration.ofHours(5),
                SPREAD, TICK);
    }

    Scrape scrape() {
        return Scrape.of(registry.scrape());
    }

    /** A backup id created at that instant, as the gateway makes them. */
    static String backupId(Instant createdAt) {
        return Ids.timeOrdered(Clock.fixed(createdAt, ZoneOffset.UTC));
    }

    static PartResult part(String name, String type, long bytes, long stored) {
        return new PartResult(name, type, PartResult.PartStatus.COMPLETED, bytes, stored, T0, null);
    }

    void backup(EnvironmentRef env, String id, Instant started, Instant completed, Long holdMillis, long skewMillis,
                List<PartResult> parts) {
        metrics.published(Topics.BACKUP_EVENTS, new BackupStarted(Ids.eventId(), started, id, env));
        if (holdMillis != null) {
            metrics.published(Topics.BACKUP_EVENTS, new BackupHoldReleased(Ids.eventId(), started, id, env, holdMillis));
        }
        long size = parts.stream().mapToLong(PartResult::bytes).sum();
        long stored = parts.stream().mapToLong(PartResult::storedBytes).sum();
        metrics.published(Topics.BACKUP_EVENTS, new BackupCompleted(Ids.eventId(), completed, id, env,
                holdMillis != null, false, null, parts, size, stored, holdMillis, skewMillis));
    }

    void failedBackup(EnvironmentRef env, String error, List<PartResult> parts) {
        metrics.published(Topics.BACKUP_EVENTS, new BackupFailed(Ids.eventId(), T0, backupId(T0), env, error, parts));
    }

    void verified(EnvironmentRef env, Instant at, boolean passed) {
        metrics.published(Topics.BACKUP_EVENTS, new BackupVerified(Ids.eventId(), at, backupId(T0), env, 1.0, passed,
                10, 1000, passed ? List.of() : List.of("part db: chunk abc at zone-a: does not authenticate")));
    }

    void slot(EnvironmentRef env, Instant scheduledFor, Instant firedAt) {
        metrics.published(Topics.SCHEDULED_BACKUPS, new BackupRequested(Ids.eventId(), firedAt, backupId(firedAt), env,
                false, true, "schedule", null, List.of(), null, scheduledFor));
    }

    /** One event of every kind, a dead letter, a storage report, the binder's lag and the outbox gauges. */
    void everything() {
        EnvironmentRef env = new EnvironmentRef("acme", "main");
        String id = backupId(T0);
        metrics.published(Topics.BACKUP_EVENTS, new BackupQueued(Ids.eventId(), T0, id, env, false, "api"));
        metrics.published(Topics.BACKUP_REQUESTS, new BackupRequested(Ids.eventId(), T0, id, env, true, false, "api",
                null, List.of(), null));
        backup(env, id, T0, T0.plusSeconds(90), 12L, 3, List.of(part("db", "postgresql", 1000, 250)));
        backup(env, backupId(T0), T0, T0.plusSeconds(60), null, 40, List.of(part("files", "mount", 10, 5)));
        failedBackup(env, "part db: connection refused", List.of(new PartResult("db", "postgresql",
                PartResult.PartStatus.FAILED, 0, 0, null, "connection refused")));
        verified(env, T0, true);
        slot(env, T0, T0.plusSeconds(120));
        metrics.published(Topics.BACKUP_EVENTS, new BackupExpired(Ids.eventId(), T0, id, env, "expired", List.of()));
        metrics.published(Topics.BACKUP_EVENTS, new BackupDeletionRequested(Ids.eventId(), T0, id, env, "expired"));
        metrics.published(Topics.BACKUP_EVENTS, new BackupDeleted(Ids.eventId(), T0, id, env, "expired"));
        String restore = backupId(T0);
        metrics.published(Topics.RESTORE_EVENTS, new RestoreStarted(Ids.eventId(), T0, restore, id, env));
        metrics.published(Topics.RESTORE_EVENTS, new RestoreCompleted(Ids.eventId(), T0.plusSeconds(30), restore, id,
                env, null, List.of(part("db", "postgresql", 1000, 0))));
        metrics.published(Topics.RESTORE_EVENTS, new RestoreFailed(Ids.eventId(), T0, backupId(T0), id, env,
                "part db: restore failed", "partial: restored [db]"));
        new DeadLetterMetrics(registry, "ns.", "ns.lifeboat.dead-letter.v1")
                .apply(new ConsumerRecord<>("ns." + Topics.BACKUP_EVENTS, 0, 0, null, null), new Exception());
        StorageMetrics storage = new StorageMetrics(registry);
        storage.collected(new GcReport("acme", 3, 1, 2, 4096, 0, 0));
        storage.repaired(new RepairReport(100, 2, List.of("pack p1 at zone-b: missing")));
        Gauge.builder(MetricsConfiguration.BINDER_LAG, () -> 7).tags("group", "retention-service", "topic",
                Topics.BACKUP_EVENTS).register(registry);
        new OutboxMetrics(new JdbcTemplate(new DriverManagerDataSource("jdbc:none"))).bindTo(registry);
    }
}
