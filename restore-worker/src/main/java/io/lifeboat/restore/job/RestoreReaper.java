package io.lifeboat.restore.job;

import io.lifeboat.connector.Connectors;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.hooks.HoldHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ends the restores whose run stopped (its lease lapsed) and those past their deadline before switching. It first
 * takes each over (it becomes the owner, in a transaction of its own, so a slow run's next step fails), then
 * works on each alone: a run that stopped during its switch-over is finished: if every part had switched, what
 * they replaced is discarded and the restore completes; otherwise every part that had begun is switched back,
 * under the target's hold, and the restore fails as unchanged. A switch-back that fails is retried on a later
 * pass, until the deadline.
 */
@Component
class RestoreReaper {

    private static final Logger log = LoggerFactory.getLogger(RestoreReaper.class);

    private final Connectors connectors = new Connectors();
    private final RestoreLedger ledger;
    private final Endings endings;
    private final TransactionTemplate transactions;
    private final Repository repository;
    private final PartTargets targets;
    private final RestoreProperties properties;
    private final LeaseRenewals leases;
    private final HoldHooks hooks;
    private final Clock clock;

    RestoreReaper(RestoreLedger ledger, Endings endings, TransactionTemplate transactions, Repository repository,
                  PartTargets targets, RestoreProperties properties, LeaseRenewals leases, HoldHooks hooks,
                  Clock clock) {
        this.ledger = ledger;
        this.endings = endings;
        this.transactions = transactions;
        this.repository = repository;
        this.targets = targets;
        this.properties = properties;
        this.leases = leases;
        this.hooks = hooks;
        this.clock = clock;
    }

    /** Ends each overdue restore once, whichever worker reaps: rows another reaper holds are skipped. */
    public void reap() {
        String reaper = RestoreJob.OWNER_PREFIX + "reaper-" + UUID.randomUUID();
        List<RestoreLedger.Restore> taken = transactions.execute(tx -> {
            Instant now = clock.instant();
            List<RestoreLedger.Restore> overdue = ledger.overdue(now);
            overdue.forEach(r -> ledger.takeOver(r.id(), reaper, now, properties.lease()));
            return overdue;
        });
        for (RestoreLedger.Restore restore : taken) {
            try (LeaseRenewals.Renewal renewal = leases.keep(restore.id(), reaper)) {
                end(restore, reaper);
            } catch (RuntimeException e) {
                log.error("restore {}: the reaper could not end it; a later pass retries: {}", restore.id(),
                        e.getMessage());
            }
        }
    }

    private void end(RestoreLedger.Restore restore, String reaper) {
        Optional<RestoreRequested> request = ledger.request(restore.id());
        Instant now = clock.instant();
        if (restore.switchStartedAt() == null) {
            request.ifPresent(r -> Switching.closeAll(resume(r, stagedParts(r))));
            finish(restore, reaper, "unchanged", !restore.deadline().isAfter(now)
                    ? "timed out: the restore did not finish by its deadline " + restore.deadline()
                    + "; retry the restore"
                    : "the restore worker stopped before switching anything over; the target is unchanged; "
                    + "retry the restore");
        } else if (request.isEmpty()) {
            finish(restore, reaper, "unknown", "the restore worker stopped while switching parts over; "
                    + "retry the restore");
        } else {
            List<RestoreLedger.SwitchedPart> states = ledger.parts(restore.id());
            List<Switching.Part> parts = resume(request.get(), states.stream()
                    .map(p -> new Switching.Part(p.name(), p.type(), null)).toList());
            try {
                held(request.get(), () -> finishSwitchOver(restore, reaper, request.get(), states, parts));
            } finally {
                Switching.closeAll(parts);
            }
        }
    }

    /** The parts of the backup that a run may have staged before it stopped. */
    private List<Switching.Part> stagedParts(RestoreRequested request) {
        try {
            return repository.readBackup(request.source().project(), request.source().environment(),
                    request.backupId()).stream().flatMap(b -> RestoreJob.partsToRestore(b, request).stream())
                    .map(p -> new Switching.Part(p.name(), p.type(), null)).toList();
        } catch (RuntimeException e) {
            log.warn("restore {}: its staging areas were not found: {}", request.restoreId(), e.getMessage());
            return List.of();
        }
    }

    /** A handle for each part that can be found again; a part that cannot is left out (and named in the log). */
    private List<Switching.Part> resume(RestoreRequested request, List<Switching.Part> named) {
        List<Switching.Part> parts = new ArrayList<>();
        for (Switching.Part part : named) {
            try {
                parts.add(new Switching.Part(part.name(), part.type(), connectors.get(part.type())
                        .resume(targets.of(request, part.name(), part.type()))));
            } catch (RuntimeException e) {
                log.error("restore {}: part {} cannot be found again: {}", request.restoreId(), part.name(),
                        e.getMessage());
            }
        }
        return parts;
    }

    private void finishSwitchOver(RestoreLedger.Restore restore, String reaper, RestoreRequested request,
                                  List<RestoreLedger.SwitchedPart> states, List<Switching.Part> parts) {
        if (states.stream().allMatch(p -> p.state() == RestoreLedger.PartState.SWITCHED)) {
            Switching.commitAll(restore.id(), parts);
            String commit = repository.readBackup(request.source().project(), request.source().environment(),
                    request.backupId()).map(BackupManifest::commitSha).orElse(null);
            List<PartResult> results = states.stream().map(p -> new PartResult(p.name(), p.type(),
                    PartResult.PartStatus.COMPLETED, p.bytes(), 0, null, null, p.objects())).toList();
            end(restore, reaper, "COMPLETED", null, now -> new RestoreCompleted(Ids.eventId(), now, restore.id(),
                    restore.backupId(), restore.target(), commit, results));
            return;
        }
        List<String> names = states.stream().filter(p -> p.state() != RestoreLedger.PartState.STAGED)
                .map(RestoreLedger.SwitchedPart::name).toList();
        List<Switching.Part> begun = parts.stream().filter(p -> names.contains(p.name())).toList();
        List<String> notBack = new ArrayList<>(Switching.switchBack(restore.id(), begun));
        names.stream().filter(n -> begun.stream().noneMatch(p -> p.name().equals(n))).forEach(notBack::add);
        if (notBack.isEmpty()) {
            finish(restore, reaper, "unchanged", "the restore worker stopped while switching parts over; the "
                    + "parts it had switched (" + names + ") were switched back: the target is as it was before "
                    + "the restore; retry the restore");
        } else if (!restore.deadline().isAfter(clock.instant())) {
            finish(restore, reaper, "partial: not switched back " + notBack, "the restore worker stopped while "
                    + "switching parts over, and switching back parts " + notBack + " failed until the deadline "
                    + restore.deadline() + ": they hold the backup or are between the two; the others are as before");
        } else {
            log.warn("restore {}: switching back parts {} failed; the reaper retries once its lease lapses",
                    restore.id(), notBack);
        }
    }

    /** Runs a switch-back or commit under the target's hold, if it has hooks; a hold that fails does not stop it. */
    private void held(RestoreRequested request, Runnable work) {
        boolean held = false;
        if (request.targetHooks() != null) {
            try {
                hooks.hold(request.targetHooks(), request.target().project(), request.restoreId(),
                        properties.holdDeadline());
                held = true;
            } catch (RuntimeException e) {
                log.warn("restore {}: holding the target's writes failed; finishing without: {}",
                        request.restoreId(), e.getMessage());
            }
        }
        try {
            work.run();
        } finally {
            if (held) {
                hooks.release(request.targetHooks(), request.target().project(), request.restoreId());
            }
        }
    }

    private void finish(RestoreLedger.Restore restore, String reaper, String targetState, String error) {
        end(restore, reaper, "FAILED", error, now -> new RestoreFailed(Ids.eventId(), now, restore.id(),
                restore.backupId(), restore.target(), error, targetState));
    }

    private void end(RestoreLedger.Restore restore, String reaper, String status, String error,
                     Function<Instant, Event> event) {
        if (endings.end(restore.id(), reaper, status, error, event)) {
            log.warn("restore {} into {} ended {} by the reaper: {}", restore.id(), restore.target(), status,
                    error == null ? "every part had switched over" : error);
        }
    }
}
