package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupRetentionAssessed;
import io.lifeboat.retention.copy.RestoreCopy;
import io.lifeboat.support.events.Outbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Publishes verdicts through the outbox, in the caller's transaction: an assessment only when it differs from
 * the last one published, and an expiry with its deletion request once per backup, never while a restore
 * reads the backup.
 */
@Component
class Assessments {

    private static final Logger log = LoggerFactory.getLogger(Assessments.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final RestoreCopy restores;
    private final Clock clock;

    Assessments(JdbcTemplate jdbc, Outbox outbox, RestoreCopy restores, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.restores = restores;
        this.clock = clock;
    }

    /** @param last the assessment last published for this backup, null if none */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(EnvironmentRef ref, Verdict verdict, Subject.@Nullable Assessment last) {
        Optional<String> restore = verdict.kept() ? Optional.empty() : restores.runningFrom(verdict.backupId());
        Verdict shown = restore.map(id -> verdict.withReason("deletion deferred: restore " + id
                + " is reading this backup")).orElse(verdict);
        if (!shown.assessment().equals(last) && changed(shown)) {
            outbox.add(Topics.BACKUP_EVENTS, new BackupRetentionAssessed(Ids.eventId(), clock.instant(),
                    shown.backupId(), ref, shown.kept(), shown.expiresAt(), shown.reasons()));
        }
        if (!shown.kept() && restore.isEmpty() && claimDeletion(shown)) {
            outbox.add(Topics.BACKUP_EVENTS, new BackupExpired(Ids.eventId(), clock.instant(), shown.backupId(), ref,
                    shown.deletionReason(), shown.reasons()));
            outbox.add(Topics.BACKUP_EVENTS, new BackupDeletionRequested(Ids.eventId(), clock.instant(),
                    shown.backupId(), ref, shown.deletionReason()));
            log.info("backup {} of {} is no longer kept ({}): {}", shown.backupId(), ref, shown.deletionReason(),
                    shown.reasons());
        }
    }

    private boolean changed(Verdict verdict) {
        Timestamp expires = verdict.expiresAt() == null ? null : Timestamp.from(verdict.expiresAt());
        String reasons = String.join("\n", verdict.reasons());
        return jdbc.update("""
                UPDATE backups SET assessed_kept = ?, assessed_expires_at = ?, assessed_reasons = ?
                WHERE backup_id = ? AND (assessed_kept IS DISTINCT FROM ? OR assessed_reasons IS DISTINCT FROM ?
                OR assessed_expires_at IS DISTINCT FROM CAST(? AS timestamptz))""", verdict.kept(), expires, reasons,
                verdict.backupId(), verdict.kept(), reasons, expires) == 1;
    }

    private boolean claimDeletion(Verdict verdict) {
        return jdbc.update("UPDATE backups SET deletion_reason = ?, deletion_requested_at = ? WHERE backup_id = ? "
                + "AND deletion_reason IS NULL", verdict.deletionReason(), Timestamp.from(clock.instant()),
                verdict.backupId()) == 1;
    }
}
