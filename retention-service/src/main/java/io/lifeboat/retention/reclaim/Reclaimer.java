package io.lifeboat.retention.reclaim;

import io.lifeboat.storage.repo.GcReport;
import io.lifeboat.storage.repo.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;

/** Runs the storage engine's garbage collection for every project, on a fixed interval. */
@Service
class Reclaimer {

    private static final Logger log = LoggerFactory.getLogger(Reclaimer.class);

    private final Repository repository;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Reclaimer(Repository repository, JdbcTemplate jdbc, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
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
    }

    private void record(GcReport report) {
        jdbc.update("""
                INSERT INTO reclaim_runs (project, ran_at, condemned, deleted_packs, deleted_bytes, postponed)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project) DO UPDATE SET ran_at = excluded.ran_at,
                condemned = excluded.condemned, deleted_packs = excluded.deleted_packs,
                deleted_bytes = excluded.deleted_bytes, postponed = excluded.postponed""", report.project(),
                Timestamp.from(clock.instant()), report.condemnedPacks(), report.deletedPacks(), report.deletedBytes(),
                report.postponed());
    }
}
