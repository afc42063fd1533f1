package io.lifeboat.retention.verify;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupVerificationRequested;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.VerifyReport;
import io.lifeboat.support.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Re-reads a backup's data, all of it or a sample, from every location, and reports what it found. */
@Service
public class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    private final Repository repository;
    private final EventPublisher publisher;
    private final Clock clock;

    Verification(Repository repository, EventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void verify(BackupVerificationRequested request) {
        VerifyReport report = repository.verify(request.environment().project(), request.environment().environment(),
                request.backupId(), request.sample());
        if (report.ok()) {
            log.info("backup {} verified: {} chunk copies, {} bytes", request.backupId(), report.chunksChecked(),
                    report.bytesChecked());
        } else {
            log.warn("backup {} failed verification: {}", request.backupId(), report.errors().getFirst());
        }
        publisher.publish(Topics.BACKUP_EVENTS, new BackupVerified(Ids.eventId(), clock.instant(), request.backupId(),
                request.environment(), request.sample(), report.ok(), report.chunksChecked(), report.bytesChecked(),
                report.errors().stream().limit(20).toList()));
    }
}
