package io.lifeboat.restore.job;

import io.lifeboat.connector.Connectors;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ends the restores whose run stopped (its lease lapsed) and those past their deadline before switching. A run
 * that stopped during its switch-over is finished by the reaper: if every part had switched, it discards what
 * they replaced and completes; otherwise it switches back every part that had begun, and fails as unchanged.
 */
@Component
class RestoreReaper {

    private static final Logger log = LoggerFactory.getLogger(RestoreReaper.class);

    private final Connectors connectors = new Connectors();
    private final RestoreLedger ledger;
    private final Outbox outbox;
    private final Repository repository;
    private final PartTargets targets;
    private final RestoreProperties properties;
    private final Clock clock;

    RestoreReaper(RestoreLedger ledger, Outbox outbox, Repository repository, PartTargets targets,
                  RestoreProperties properties, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.repository = repository;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Ends each overdue restore once, whichever worker reaps: rows another reaper holds are skipped. */
    @Transactional
    public void reap() {
        Instant now = clock.instant();
        for (RestoreLedger.Restore restore : ledger.overdue(now)) {
            ledger.takeOver(restore.id(), RestoreJob.OWNER_PREFIX + "reaper-" + UUID.randomUUID(), now,
                    properties.lease());
            Optional<RestoreRequested> request = ledger.request(restore.id());
            List<Switching.Part> parts = request.map(r -> resume(r, restore)).orElse(List.of());
            try {
                if (restore.switchStartedAt() == null) {
                    fail(restore, now, "unchanged", !restore.deadline().isAfter(now)
                            ? "timed out: the restore did not finish by its deadline " + restore.deadline()
                            + "; retry the restore"
                            : "the restore worker stopped before switching anything over; the target is unchanged; "
                            + "retry the restore");
                } else if (request.isEmpty()) {
                    fail(restore, now, "unknown", "the restore worker stopped while switching parts over; "
                            + "retry the restore");
                } else {
                    finishSwitchOver(restore, request.get(), parts, now);
                }
            } finally {
                Switching.closeAll(parts);
            }
        }
    }

    /** The parts a stopped run left: those of its switch-over, or before it those it may have staged. */
    private List<Switching.Part> resume(RestoreRequested request, RestoreLedger.Restore restore) {
        try {
            List<Switching.Part> parts = restore.switchStartedAt() != null ? ledger.parts(restore.id()).stream()
                    .map(p -> new Switching.Part(p.name(), p.type(), null)).toList()
                    : repository.readBackup(request.source().project(), request.source().environment(),
                    request.backupId()).stream().flatMap(b -> b.parts().stream())
                    .filter(p -> request.restoreCode() || !p.type().equals("code"))
                    .map(p -> new Switching.Part(p.name(), p.type(), null)).toList();
            return parts.stream().map(p -> new Switching.Part(p.name(), p.type(), connectors.get(p.type())
                    .resume(targets.of(request, p.name(), p.type())))).toList();
        } catch (RuntimeException e) {
            log.error("restore {}: what its stopped run left cannot be found: {}", restore.id(), e.getMessage());
            return List.of();
        }
    }

    private void finishSwitchOver(RestoreLedger.Restore restore, RestoreRequested request, List<Switching.Part> parts,
                                  Instant now) {
        List<RestoreLedger.SwitchedPart> states = ledger.parts(restore.id());
        if (states.stream().allMatch(p -> p.state() == RestoreLedger.PartState.SWITCHED)) {
            Switching.commitAll(restore.id(), parts);
            String commit = repository.readBackup(request.source().project(), request.source().environment(),
                    request.backupId()).map(BackupManifest::commitSha).orElse(null);
            List<PartResult> results = states.stream().map(p -> new PartResult(p.name(), p.type(),
                    PartResult.PartStatus.COMPLETED, p.bytes(), 0, null, null, p.objects())).toList();
            if (ledger.end(restore.id(), "COMPLETED", null, now)) {
                outbox.add(Topics.RESTORE_EVENTS, new RestoreCompleted(Ids.eventId(), now, restore.id(),
                        restore.backupId(), restore.target(), commit, results));
                log.info("restore {}: its run stopped after every part switched over; completed", restore.id());
            }
            return;
        }
        List<String> names = states.stream().filter(p -> p.state() != RestoreLedger.PartState.STAGED)
                .map(RestoreLedger.SwitchedPart::name).toList();
        List<Switching.Part> begun = parts.stream().filter(p -> names.contains(p.name())).toList();
        List<String> notBack = new java.util.ArrayList<>(Switching.switchBack(restore.id(), begun));
        names.stream().filter(n -> begun.stream().noneMatch(p -> p.name().equals(n))).forEach(notBack::add);
        if (notBack.isEmpty()) {
            fail(restore, now, "unchanged", "the restore worker stopped while switching parts over; the parts it "
                    + "had switched (" + names + ") were switched back: the target is as it was before the restore; "
                    + "retry the restore");
        } else if (!restore.deadline().isAfter(now)) {
            fail(restore, now, "partial: restored " + notBack, "the restore worker stopped while switching parts "
                    + "over, and switching back parts " + notBack + " failed until the deadline " + restore.deadline()
                    + ": they hold the backup, the others are as before");
        } else {
            log.warn("restore {}: switching back parts {} failed; the reaper retries once its lease lapses",
                    restore.id(), notBack);
        }
    }

    private void fail(RestoreLedger.Restore restore, Instant now, String targetState, String error) {
        if (ledger.end(restore.id(), "FAILED", error, now)) {
            outbox.add(Topics.RESTORE_EVENTS, new RestoreFailed(Ids.eventId(), now, restore.id(),
                    restore.backupId(), restore.target(), error, targetState));
            log.warn("restore {} into {} failed: {}", restore.id(), restore.target(), error);
        }
    }
}
