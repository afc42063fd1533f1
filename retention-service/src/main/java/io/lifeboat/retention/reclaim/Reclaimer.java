package io.lifeboat.retention.reclaim;

import io.lifeboat.storage.repo.GcReport;
import io.lifeboat.storage.repo.RepairReport;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.metrics.StorageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Runs the storage engine's garbage collection for every project, then its repair of under-replicated
 * objects, on a fixed interval.
 */
@Service
class Reclaimer {

    private static final Logger log = LoggerFactory.getLogger(Reclaimer.class);

    private final Repository repository;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    private final ObjectProvider<StorageMetrics> metrics;

    Reclaimer(Repository repository, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
              ObjectProvider<StorageMetrics> metrics) {
        this.metrics = metrics;
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${lifeboat.retention.reclaim-interval}",
            initialDelayString = "${lifeboat.retention.reclaim-interval}")
    void reclaimAll() {
        for (String project : repository.projects()) {
            try {
                record(repository.collectGarbage(project));
            } catch (RuntimeException e) {
                log.warn("reclaiming storage of project {} failed; the next run retries: {}", project,
                        e.getMessage());
            }
        }
        repair();
    }

    /**
     * Copies objects that some locations miss (a write that met the quorum but not every location). It holds
     * the repair lock, so that no deletion runs meanwhile: a copy never brings a deleted backup back.
     */
    void repair() {
        try {
            RepairReport report = transactions.execute(status -> {
                jdbc.query("SELECT pg_advisory_xact_lock(hashtext('lifeboat-storage-repair'))", rs -> null);
                return repository.repair();
            });
            metrics.ifAvailable(m -> m.repaired(report));
            if (report.repaired() > 0 || !report.ok()) {
                log.info("storage repair: {} of {} objects copied to the locations that missed them; problems: {}",
                        report.repaired(), report.objects(), report.problems());
            }
        } catch (RuntimeException e) {
            log.warn("storage repair failed; the next run retries: {}", e.getMessage());
        }
    }

    private void record(GcReport report) {
        metrics.ifAvailable(m -> m.collected(report));
        jdbc.update("""
                INSERT INTO reclaim_runs (project, ran_at, condemned, deleted_packs, deleted_bytes, postponed)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project) DO UPDATE SET ran_at = excluded.ran_at,
                condemned = excluded.condemned, deleted_packs = excluded.deleted_packs,
                deleted_bytes = excluded.deleted_bytes, postponed = excluded.postponed""", report.project(),
                Timestamp.from(clock.instant()), report.condemnedPacks(), report.deletedPacks(), report.deletedBytes(),
                report.postponed());
    }
}
