package io.lifeboat.retention.deletion;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.retention.copy.RestoreCopy;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Carries out a deletion that someone else decided. Idempotent: the backup manifest goes first, so the
 * backup stops existing at once; repeating a deletion changes nothing. Space is reclaimed by {@code Reclaimer},
 * whose storage repair never runs during a deletion (they share an advisory lock, across instances).
 * While a restore reads the backup, or when storage fails, the deletion is recorded and waits;
 * {@link DeferredDeletions} carries it out once the restore ended, or on the next pass.
 */
@Service
class BackupDeleter {

    private static final Logger log = LoggerFactory.getLogger(BackupDeleter.class);

    private final Repository repository;
    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final RestoreCopy restores;
    private final Clock clock;

    BackupDeleter(Repository repository, JdbcTemplate jdbc, Outbox outbox, RestoreCopy restores, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.restores = restores;
        this.clock = clock;
    }

    @Transactional
    public void delete(BackupDeletionRequested request) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(hashtext('lifeboat-storage-repair'))", rs -> null);
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", rs -> null, "deletion/" + request.backupId());
        Integer done = jdbc.queryForObject("SELECT count(*) FROM deletions WHERE backup_id = ?", Integer.class,
                request.backupId());
        if (done != null && done > 0) {
            jdbc.update("DELETE FROM deferred_deletions WHERE backup_id = ?", request.backupId());
            log.info("backup {} is already deleted", request.backupId());
            return;
        }
        Optional<String> restore = restores.runningFrom(request.backupId());
        if (restore.isPresent()) {
            defer(request, restore.get());
            return;
        }
        repository.deleteBackup(request.environment().project(), request.environment().environment(),
                request.backupId());
        jdbc.update("INSERT INTO deletions (backup_id, project, environment, reason, deleted_at) VALUES (?, ?, ?, ?, ?)",
                request.backupId(), request.environment().project(), request.environment().environment(),
                request.reason(), Timestamp.from(clock.instant()));
        jdbc.update("DELETE FROM deferred_deletions WHERE backup_id = ?", request.backupId());
        outbox.add(Topics.BACKUP_EVENTS, new BackupDeleted(Ids.eventId(), clock.instant(), request.backupId(),
                request.environment(), request.reason()));
        log.info("deleted backup {} of {} ({})", request.backupId(), request.environment(), request.reason());
    }

    /** Records a deletion that failed, so that {@link DeferredDeletions} retries it on every pass. */
    @Transactional
    public void retryLater(BackupDeletionRequested request, RuntimeException failure) {
        jdbc.update("""
                INSERT INTO deferred_deletions (backup_id, project, environment, reason, requested_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (backup_id) DO NOTHING""", request.backupId(),
                request.environment().project(), request.environment().environment(), request.reason(),
                Timestamp.from(request.occurredAt()));
        log.warn("deleting backup {} of {} failed; retrying on the next pass: {}", request.backupId(),
                request.environment(), failure.getMessage());
    }

    private void defer(BackupDeletionRequested request, String restoreId) {
        int added = jdbc.update("""
                INSERT INTO deferred_deletions (backup_id, project, environment, reason, requested_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (backup_id) DO NOTHING""", request.backupId(),
                request.environment().project(), request.environment().environment(), request.reason(),
                Timestamp.from(request.occurredAt()));
        if (added == 1) {
            log.info("deletion of backup {} of {} ({}) waits for restore {} to end", request.backupId(),
                    request.environment(), request.reason(), restoreId);
        }
    }
}
