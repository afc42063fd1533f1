package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.PartResult.PartStatus;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupHoldReleased;
import io.lifeboat.contracts.backup.BackupHoldStarted;
import io.lifeboat.contracts.backup.BackupPartCompleted;
import io.lifeboat.contracts.backup.BackupProgressed;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotCut;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotPrepared;
import io.lifeboat.contracts.snapshot.PartSnapshotProgressed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.contracts.snapshot.SnapshotCutRequested;
import io.lifeboat.storage.object.StorageException;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.EventPublisher;
import io.lifeboat.support.events.Outbox;
import io.lifeboat.support.hooks.HoldHooks;
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
 * Runs each backup. A live backup asks every part's worker for its snapshot at once. A consistent backup
 * first has every worker connect and report ready, then holds the environment's writes, tells every worker
 * to cut, and releases the hold as soon as every part has its point-in-time snapshot: the hold lasts while
 * the cuts are taken, not while the data is copied. When every part is stored, the backup manifest is
 * written and the backup is complete. Deadlines end every phase; the hold always ends.
 */
@Service
class BackupCoordinator {

    private static final Logger log = LoggerFactory.getLogger(BackupCoordinator.class);

    private final BackupLedger ledger;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final HoldHooks hooks;
    private final Repository repository;
    private final Clock clock;
    private final BackupDeadlines deadlines;
    private final Duration prepareTimeout;
    private final Duration holdDeadline;
    private final Duration heartbeatTimeout;

    BackupCoordinator(BackupLedger ledger, Outbox outbox, EventPublisher publisher, HoldHooks hooks,
                      Repository repository, Clock clock, BackupDeadlines deadlines,
                      @Value("${lifeboat.snapshot.prepare-timeout}") Duration prepareTimeout,
                      @Value("${lifeboat.snapshot.hold-deadline}") Duration holdDeadline,
                      @Value("${lifeboat.snapshot.heartbeat-timeout}") Duration heartbeatTimeout) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.publisher = publisher;
        this.hooks = hooks;
        this.repository = repository;
        this.clock = clock;
        this.deadlines = deadlines;
        this.prepareTimeout = prepareTimeout;
        this.holdDeadline = holdDeadline;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    @Transactional
    public void start(BackupRequested request) {
        Instant now = clock.instant();
        Instant deadline = deadlines.deadline(request);
        boolean consistent = request.safe();
        Instant prepareDeadline = now.plus(prepareTimeout).isBefore(deadline) ? now.plus(prepareTimeout) : deadline;
        if (!ledger.insert(request, consistent ? "PREPARING" : "STREAMING", now, deadline,
                consistent ? prepareDeadline : null)) {
            log.info("backup {} is already known; ignoring the repeated request", request.backupId());
            return;
        }
        outbox.add(Topics.BACKUP_EVENTS, new BackupStarted(Ids.eventId(), now, request.backupId(),
                request.environment()));
        if (request.parts().isEmpty()) {
            fail(ledger.lock(request.backupId()).orElseThrow(), "the environment has no parts to back up", now);
            return;
        }
        if (!now.isBefore(deadline)) {
            fail(ledger.lock(request.backupId()).orElseThrow(), "timed out: requested at " + request.occurredAt()
                    + ", the backup's deadline " + deadline + " passed before it could start", now);
            return;
        }
        request.parts().forEach(part -> outbox.add(Topics.snapshotTasks(part.type()), new PartSnapshotRequested(
                Ids.eventId(), now, request.backupId(), request.environment(), part, deadline, consistent)));
        log.info("{} backup {} of {} started: {} parts", consistent ? "consistent" : "live", request.backupId(),
                request.environment(), request.parts().size());
    }

    /** A part is ready; when all are, hold the environment and ask every worker to cut. */
    @Transactional
    public void partPrepared(PartSnapshotPrepared event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.running() || !backup.phase().equals("PREPARING")
                || !ledger.partState(event.backupId(), event.partName(), "PREPARED", null, List.of("PENDING"))
                || !ledger.partsIn(event.backupId(), "PENDING").isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (backup.hooks() != null) {
            try {
                hooks.hold(backup.hooks(), backup.environment().project(), backup.id(), holdDeadline);
            } catch (HoldHooks.HookException e) {
                fail(backup, "the environment could not be held: " + e.getMessage(), now);
                return;
            }
        }
        ledger.holdStarted(backup.id(), now, now.plus(holdDeadline));
        publisher.publish(Topics.SNAPSHOT_CONTROL, new SnapshotCutRequested(Ids.eventId(), now, backup.id(),
                backup.environment(), false));
        outbox.add(Topics.BACKUP_EVENTS, new BackupHoldStarted(Ids.eventId(), now, backup.id(), backup.environment()));
    }

    /** A part has its point in time; when all do, release the environment. */
    @Transactional
    public void partCut(PartSnapshotCut event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.running()) {
            return;
        }
        ledger.partState(event.backupId(), event.partName(), "CUT", event.pointInTime(), List.of("PENDING", "PREPARED"));
        if (backup.phase().equals("CUTTING") && ledger.partsIn(event.backupId(), "PREPARED").isEmpty()
                && ledger.partsIn(event.backupId(), "PENDING").isEmpty()) {
            release(backup);
        }
    }

    @Transactional
    public void partProgressed(PartSnapshotProgressed event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup != null && backup.running()) {
            ledger.seen(event.backupId(), event.partName(), event.bytesRead(), clock.instant());
            outbox.add(Topics.BACKUP_EVENTS, new BackupProgressed(Ids.eventId(), clock.instant(), backup.id(),
                    backup.environment(), backup.phase().toLowerCase(), ledger.bytesRead(backup.id()), 0));
        }
    }

    @Transactional
    public void partCompleted(PartSnapshotCompleted event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.running()) {
            log.info("ignoring a part result for backup {}, which is {}", event.backupId(),
                    backup == null ? "unknown" : backup.status());
            return;
        }
        ledger.completePart(event.backupId(), event.result());
        outbox.add(Topics.BACKUP_EVENTS, new BackupPartCompleted(Ids.eventId(), clock.instant(), event.backupId(),
                event.environment(), event.result()));
        List<PartResult> parts = ledger.parts(event.backupId());
        if (parts.stream().allMatch(p -> p.status() == PartStatus.COMPLETED)) {
            commit(ledger.lock(event.backupId()).orElseThrow(), parts);
        }
    }

    @Transactional
    public void partFailed(PartSnapshotFailed event) {
        var backup = ledger.lock(event.backupId()).orElse(null);
        if (backup == null || !backup.running()) {
            return;
        }
        ledger.failPart(event.backupId(), event.partName(), event.error());
        fail(backup, "part " + event.partName() + ": " + event.error(), clock.instant());
    }

    /** Fails backups whose phase deadline passed, whose deadline passed, or whose worker stopped reporting. */
    @Transactional
    public int failOverdue() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(heartbeatTimeout);
        List<String> overdue = ledger.overdue(now, silentSince);
        for (String backupId : overdue) {
            var backup = ledger.lock(backupId).orElseThrow();
            List<String> silent = ledger.silentParts(backupId, silentSince);
            String reason = switch (backup.phase()) {
                case "PREPARING" -> "parts " + ledger.partsIn(backupId, "PENDING") + " did not get ready within "
                        + prepareTimeout;
                case "CUTTING" -> "the consistent cut did not complete within the hold deadline of " + holdDeadline;
                default -> !silent.isEmpty() && backup.deadline().isAfter(now)
                        ? "the workers of parts " + silent + " stopped reporting"
                        : "timed out: the backup did not complete before its deadline";
            };
            fail(backup, reason, now);
        }
        return overdue.size();
    }

    private void release(BackupLedger.Backup backup) {
        if (backup.hooks() != null) {
            hooks.release(backup.hooks(), backup.environment().project(), backup.id());
        }
        long held = Duration.between(backup.holdStartedAt(), clock.instant()).toMillis();
        ledger.holdReleased(backup.id(), held);
        outbox.add(Topics.BACKUP_EVENTS, new BackupHoldReleased(Ids.eventId(), clock.instant(), backup.id(),
                backup.environment(), held));
        log.info("backup {} of {}: consistent cut taken, writes held for {} ms", backup.id(), backup.environment(),
                held);
    }

    private void commit(BackupLedger.Backup backup, List<PartResult> parts) {
        Instant now = clock.instant();
        List<Instant> points = parts.stream().map(PartResult::pointInTime).filter(Objects::nonNull).toList();
        long skew = points.isEmpty() ? 0 : Duration.between(points.stream().min(Instant::compareTo).orElseThrow(),
                points.stream().max(Instant::compareTo).orElseThrow()).toMillis();
        Long hold = backup.safe() ? backup.holdMillis() : null;
        if (!now.isBefore(backup.deadline())) {
            fail(backup, "timed out: every part is stored, but the backup's deadline " + backup.deadline()
                    + " passed before it could be committed", now);
            return;
        }
        try {
            repository.commitBackup(manifest(backup, parts, now, hold, skew), backup.deadline());
        } catch (StorageException e) {
            if (!e.permanent()) {
                throw e; // redelivered: the part result is retried
            }
            fail(backup, "the backup could not be committed: " + e.getMessage(), clock.instant());
            return;
        }
        ledger.finish(backup.id(), "COMPLETED", null, now);
        long size = parts.stream().mapToLong(PartResult::bytes).sum();
        long stored = parts.stream().mapToLong(PartResult::storedBytes).sum();
        outbox.add(Topics.BACKUP_EVENTS, new BackupCompleted(Ids.eventId(), now, backup.id(), backup.environment(),
                backup.safe(), backup.automated(), backup.commitSha(), parts, size, stored, hold, skew));
        log.info("backup {} of {} completed: {} bytes, {} stored, hold {} ms, skew {} ms", backup.id(),
                backup.environment(), size, stored, hold, skew);
    }

    private static BackupManifest manifest(BackupLedger.Backup backup, List<PartResult> parts, Instant now, Long hold,
                                           long skew) {
        return new BackupManifest(BackupManifest.FORMAT, backup.environment().project(),
                backup.environment().environment(), backup.id(), backup.createdAt(), now, backup.safe(),
                backup.automated(), backup.trigger(), backup.commitSha(), parts.stream()
                .map(p -> new BackupManifest.PartRef(p.name(), p.type(), p.bytes(), p.storedBytes(), p.pointInTime()))
                .toList(), hold, skew, Map.of());
    }

    /** Fails a running backup: releases its hold if it holds one, and tells waiting workers to give up. */
    private void fail(BackupLedger.Backup backup, String error, Instant now) {
        if (backup.phase().equals("CUTTING") && backup.hooks() != null) {
            hooks.release(backup.hooks(), backup.environment().project(), backup.id());
        }
        if (backup.safe() && !backup.phase().equals("STREAMING")) {
            publishQuietly(new SnapshotCutRequested(Ids.eventId(), now, backup.id(), backup.environment(), true));
        }
        ledger.finish(backup.id(), "FAILED", error, now);
        outbox.add(Topics.BACKUP_EVENTS, new BackupFailed(Ids.eventId(), now, backup.id(), backup.environment(),
                error, ledger.parts(backup.id())));
        log.warn("backup {} of {} failed: {}", backup.id(), backup.environment(), error);
    }

    private void publishQuietly(Event event) {
        try {
            publisher.publish(Topics.SNAPSHOT_CONTROL, event);
        } catch (RuntimeException e) {
            log.warn("could not tell the workers to abort: {}", e.getMessage());
        }
    }
}
