package io.lifeboat.retention.deletion;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Carries out the deletions that waited for a restore: at once when the restore ends, and on every
 * {@code evaluate-interval} for restores that stopped reporting.
 */
@Service
public class DeferredDeletions {

    private static final Logger log = LoggerFactory.getLogger(DeferredDeletions.class);

    private final JdbcTemplate jdbc;
    private final BackupDeleter deleter;

    DeferredDeletions(JdbcTemplate jdbc, BackupDeleter deleter) {
        this.jdbc = jdbc;
        this.deleter = deleter;
    }

    /** A restore of this backup ended. */
    public void retry(String backupId) {
        retry(requests("WHERE backup_id = ?", backupId));
    }

    @Scheduled(fixedDelayString = "${lifeboat.retention.evaluate-interval}",
            initialDelayString = "${lifeboat.retention.evaluate-interval}")
    public void retryAll() {
        retry(requests(""));
    }

    private void retry(List<BackupDeletionRequested> requests) {
        for (BackupDeletionRequested request : requests) {
            try {
                deleter.delete(request);
            } catch (RuntimeException e) {
                log.warn("deleting backup {} of {} failed; the next pass retries: {}", request.backupId(),
                        request.environment(), e.getMessage());
            }
        }
    }

    private List<BackupDeletionRequested> requests(String where, Object... arguments) {
        return jdbc.query("SELECT backup_id, project, environment, reason, requested_at FROM deferred_deletions "
                + where + " ORDER BY requested_at", (rs, n) -> new BackupDeletionRequested(Ids.eventId(),
                rs.getTimestamp(5).toInstant(), rs.getString(1), new EnvironmentRef(rs.getString(2),
                rs.getString(3)), rs.getString(4)), arguments);
    }
}
