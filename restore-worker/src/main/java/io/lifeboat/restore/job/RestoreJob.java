package io.lifeboat.restore.job;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.storage.object.StorageException;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.Outbox;
import io.lifeboat.support.hooks.HoldHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Restores a backup into a target environment, all parts or none: every part is first staged beside the
 * live data; only when all are staged are they switched over, one after the other, in a few renames.
 * A failure while staging leaves the target unchanged; the user is told which state the target is in.
 */
@Service
class RestoreJob {

    private static final Logger log = LoggerFactory.getLogger(RestoreJob.class);
    /** Identifies this worker in the runs it owns: process and host. */
    static final String OWNER_PREFIX = ManagementFactory.getRuntimeMXBean().getName() + "/";

    private final Connectors connectors = new Connectors();
    private final RestoreLedger ledger;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Repository repository;
    private final PartTargets targets;
    private final Clock clock;
    private final HoldHooks hooks;
    private final RestoreProperties properties;
    private final LeaseRenewals leases;
    private final ObjectProvider<SwitchFaults> faults;
    private final Endings endings;

    RestoreJob(RestoreLedger ledger, Outbox outbox, TransactionTemplate transactions, Repository repository,
               PartTargets targets, Clock clock, HoldHooks hooks, RestoreProperties properties,
               LeaseRenewals leases, ObjectProvider<SwitchFaults> faults, Endings endings) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.transactions = transactions;
        this.repository = repository;
        this.targets = targets;
        this.clock = clock;
        this.hooks = hooks;
        this.properties = properties;
        this.leases = leases;
        this.faults = faults;
        this.endings = endings;
    }

    /**
     * Runs a requested restore, or does nothing if it ended, if another run holds its lease, if its switch-over
     * already started, or if its deadline ({@code occurred_at + timeout}, fixed at the first delivery) passed.
     */
    void run(RestoreRequested request) {
        String owner = OWNER_PREFIX + UUID.randomUUID();
        Optional<Instant> claimed = transactions.execute(status -> {
            if (ledger.insert(request, clock.instant(), request.occurredAt().plus(properties.timeout()))) {
                outbox.add(Topics.RESTORE_EVENTS, new RestoreStarted(Ids.eventId(), clock.instant(),
                        request.restoreId(), request.backupId(), request.target()));
            }
            return ledger.claim(request.restoreId(), owner, clock.instant(), properties.lease());
        });
        if (claimed == null || claimed.isEmpty()) {
            log.info("restore {} not run: {}", request.restoreId(), ledger.find(request.restoreId())
                    .map(this::whyNotClaimed).orElse("unknown"));
            return;
        }
        try (LeaseRenewals.Renewal renewal = leases.keep(request.restoreId(), owner)) {
            run(request, owner);
        }
    }

    private String whyNotClaimed(RestoreLedger.Restore restore) {
        if (!restore.status().equals("RUNNING")) {
            return "it ended (" + restore.status() + ")";
        }
        if (restore.switchStartedAt() != null) {
            return "its switch-over started at " + restore.switchStartedAt();
        }
        if (!restore.deadline().isAfter(clock.instant())) {
            return "its deadline " + restore.deadline() + " passed; the reaper fails it";
        }
        return "run " + restore.owner() + " holds it until " + restore.leaseUntil();
    }

    private void run(RestoreRequested request, String owner) {
        try {
            BackupManifest backup = repository.readBackup(request.source().project(), request.source().environment(),
                    request.backupId()).orElseThrow(() -> new ConnectorException("backup " + request.backupId()
                    + " of " + request.source() + " is not in storage: it was deleted or never completed", true));
            List<BackupManifest.PartRef> parts = partsToRestore(backup, request);
            parts.forEach(part -> targets.of(request, part.name(), part.type())); // each has a target of its type
            List<PartResult> results = restore(request, owner, parts);
            finish(request, owner, "COMPLETED", null, at -> new RestoreCompleted(Ids.eventId(), at,
                    request.restoreId(), request.backupId(), request.target(), backup.commitSha(), results));
        } catch (Switching.LeftToTheReaperException e) {
            log.error("restore {} into {} stopped: {}", request.restoreId(), request.target(), e.getMessage());
        } catch (Switching.SwitchFailedException e) {
            finish(request, owner, "FAILED", e.getMessage(), at -> new RestoreFailed(Ids.eventId(), at,
                    request.restoreId(), request.backupId(), request.target(), e.getMessage(), e.targetState()));
        } catch (ClaimLostException | ConnectorException | StorageException | IllegalArgumentException | HoldHooks.HookException e) {
            finish(request, owner, "FAILED", e.getMessage(), at -> new RestoreFailed(Ids.eventId(), at,
                    request.restoreId(), request.backupId(), request.target(), e.getMessage(), "unchanged"));
        }
    }

    /** The parts of the backup that the request restores: all, or all but the code. */
    static List<BackupManifest.PartRef> partsToRestore(BackupManifest backup, RestoreRequested request) {
        return backup.parts().stream().filter(p -> request.restoreCode() || !p.type().equals("code")).toList();
    }

    private List<PartResult> restore(RestoreRequested request, String owner, List<BackupManifest.PartRef> parts) {
        List<Switching.Part> staged = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parts.size()),
                Thread.ofPlatform().name("stage-", 0).factory())) {
            List<Future<StagedRestore>> futures = new ArrayList<>();
            for (BackupManifest.PartRef part : parts) {
                futures.add(pool.submit(() -> stage(request, part)));
            }
            RuntimeException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    staged.add(new Switching.Part(parts.get(i).name(), parts.get(i).type(), futures.get(i).get()));
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                            : new ConnectorException(e.getCause().getMessage(), false, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new ConnectorException("interrupted while staging", false, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (request.targetHooks() != null) {
                hooks.hold(request.targetHooks(), request.target().project(), request.restoreId(),
                        properties.holdDeadline());
            }
            List<PartResult> results;
            try {
                // the last check before live data is replaced: nothing is switched unless this run still owns it
                if (!transactions.execute(tx -> ledger.startSwitch(request.restoreId(), owner, clock.instant(),
                        parts))) {
                    throw new ClaimLostException();
                }
                results = Switching.switchAll(ledger, request.restoreId(), owner, staged, faults(), clock);
                faults().switchedAll(request.restoreId());
            } finally {
                if (request.targetHooks() != null) {
                    hooks.release(request.targetHooks(), request.target().project(), request.restoreId());
                }
            }
            Switching.commitAll(request.restoreId(), staged);
            log.info("restore {} of backup {} into {} completed: parts {}", request.restoreId(), request.backupId(),
                    request.target(), results.stream().map(PartResult::name).toList());
            return results;
        } finally {
            Switching.closeAll(staged);
        }
    }

    private SwitchFaults faults() {
        return faults.getIfAvailable(() -> SwitchFaults.NONE);
    }

    private StagedRestore stage(RestoreRequested request, BackupManifest.PartRef part) {
        PartContext target = targets.of(request, part.name(), part.type());
        var stored = repository.openPart(request.source().project(), request.backupId(), part.name());
        log.info("staging part {} of backup {} into {}", part.name(), request.backupId(), request.target());
        return connectors.get(part.type()).stage(target, stored);
    }

    private void finish(RestoreRequested request, String owner, String status, String error,
                        Function<Instant, Event> event) {
        if (!endings.end(request.restoreId(), owner, status, error, event)) {
            log.info("restore {} had already ended, or another run owns it; run {} reports nothing",
                    request.restoreId(), owner);
        } else if (error != null) {
            log.warn("restore {} into {} failed: {}", request.restoreId(), request.target(), error);
        }
    }

    /** The run no longer owns the restore, or its deadline passed, before its switch-over: nothing is switched. */
    static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super("the restore stopped before switching over: its deadline passed, or its run lost its claim; "
                    + "the target is unchanged; retry the restore");
        }
    }
}
