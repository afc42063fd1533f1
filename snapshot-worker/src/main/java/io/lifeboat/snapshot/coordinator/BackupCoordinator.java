package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartResult.PartStatus;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupPartCompleted;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs each backup: asks the worker of each part's type for its snapshot, collects the results, and commits
 * the backup by writing its manifest once every part is stored. A backup whose parts do not all report
 * before its deadline fails; none stays running forever.
 */
@Service
class BackupCoordinator {

    private static final Logger log = LoggerFactory.getLogger(BackupCoordinator.class);

    private final BackupLedger ledger;
    private final Outbox outbox;
    private final Repository repository;
    private final Clock clock;
    private final Duration timeout;

    BackupCoordinator(BackupLedger ledger, Outbox outbox, Repository repository, Clock clock,
                      @Value("${lifeboat.snapshot.timeout}") Duration timeout) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.repository = repository;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Transactional
    public void start(BackupRequested request) {
        Instant now = clock.instant();
        Instant deadline = now.plus(timeout);
        if (!ledger.insert(request, now, deadline)) {
            log.info("backup {} is already known; ignoring the repeated request", request.backupId());
            return;
        }
        outbox.add(Topics.BACKUP_EVENTS, new BackupStarted(Ids.eventId(), now, request.backupId(),
                request.environment()));
        if (request.parts().isEmpty()) {
            fail(request.backupId(), "the environment has no parts to back up", now);
            return;
        }
        request.parts().forEach(part -> outbox.add(Topics.snapshotTasks(part.type()), new PartSnapshotRequested(
                Ids.eventId(), now, request.backupId(), request.environment(), part, deadline)));
        log.info("backup {} of {} started: {} parts", request.backupId(), request.environment(),
                request.parts().size());
    }

    @Transactional
    public void partCompleted(PartSnapshotCompleted event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.status().equals("RUNNING")) {
            log.info("ignoring a part result for backup {}, which is {}", event.backupId(),
                    backup == null ? "unknown" : backup.status());
            return;
        }
        ledger.completePart(event.backupId(), event.result());
        outbox.add(Topics.BACKUP_EVENTS, new BackupPartCompleted(Ids.eventId(), clock.instant(), event.backupId(),
                event.environment(), event.result()));
        List<PartResult> parts = ledger.parts(event.backupId());
        if (parts.stream().allMatch(p -> p.status() == PartStatus.COMPLETED)) {
            commit(backup, parts);
        }
    }

    @Transactional
    public void partFailed(PartSnapshotFailed event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.status().equals("RUNNING")) {
            return;
        }
        ledger.failPart(event.backupId(), event.partName(), event.error());
        fail(event.backupId(), "part " + event.partName() + ": " + event.error(), clock.instant());
    }

    @Transactional
    public int failOverdue() {
        Instant now = clock.instant();
        List<String> overdue = ledger.overdue(now);
        for (String backupId : overdue) {
            List<String> missing = ledger.parts(backupId).stream().filter(p -> p.status() != PartStatus.COMPLETED)
                    .map(PartResult::name).toList();
            fail(backupId, "timed out: no result for parts " + missing + " before the deadline", now);
        }
        return overdue.size();
    }

    private void commit(BackupLedger.Backup backup, List<PartResult> parts) {
        Instant now = clock.instant();
        List<Instant> points = parts.stream().map(PartResult::pointInTime).filter(Objects::nonNull).toList();
        long skew = points.isEmpty() ? 0 : Duration.between(points.stream().min(Instant::compareTo).orElseThrow(),
                points.stream().max(Instant::compareTo).orElseThrow()).toMillis();
        repository.commitBackup(new BackupManifest(BackupManifest.FORMAT, backup.environment().project(),
                backup.environment().environment(), backup.id(), backup.createdAt(), now, backup.safe(),
                backup.automated(), backup.trigger(), backup.commitSha(), parts.stream()
                .map(p -> new BackupManifest.PartRef(p.name(), p.type(), p.bytes(), p.storedBytes(), p.pointInTime()))
                .toList(), null, skew, Map.of()));
        ledger.finish(backup.id(), "COMPLETED", null, now);
        long size = parts.stream().mapToLong(PartResult::bytes).sum();
        long stored = parts.stream().mapToLong(PartResult::storedBytes).sum();
        outbox.add(Topics.BACKUP_EVENTS, new BackupCompleted(Ids.eventId(), now, backup.id(), backup.environment(),
                backup.safe(), backup.automated(), backup.commitSha(), parts, size, stored, null, skew));
        log.info("backup {} of {} completed: {} bytes, {} stored", backup.id(), backup.environment(), size, stored);
    }

    private void fail(String backupId, String error, Instant now) {
        var backup = ledger.lock(backupId).orElseThrow();
        ledger.finish(backupId, "FAILED", error, now);
        outbox.add(Topics.BACKUP_EVENTS, new BackupFailed(Ids.eventId(), now, backupId, backup.environment(), error,
                ledger.parts(backupId)));
        log.warn("backup {} of {} failed: {}", backupId, backup.environment(), error);
    }
}
