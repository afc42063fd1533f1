package io.lifeboat.gateway.backup;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupVerificationRequested;
import io.lifeboat.gateway.environment.Environment;
import io.lifeboat.gateway.environment.Environments;
import io.lifeboat.gateway.identity.Audit;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.operation.Operations;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Requests backups and deletions; the catalog follows what the workers report. */
@Service
public class Backups {

    private final Environments environments;
    private final BackupCatalog catalog;
    private final Outbox outbox;
    private final Clock clock;
    private final ProjectAccess access;
    private final Audit audit;
    private final Operations operations;

    Backups(Environments environments, BackupCatalog catalog, Outbox outbox, Clock clock, ProjectAccess access,
            Audit audit, Operations operations) {
        this.operations = operations;
        this.access = access;
        this.audit = audit;
        this.environments = environments;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Requests a backup of an active environment. It starts when the environment's earlier operations have
     * ended; until then it is pending.
     *
     * @param trigger {@code api}, {@code merge}, {@code resize} or {@code tombstone}; all count as manual
     */
    @Transactional
    public BackupView request(EnvironmentRef ref, boolean safe, String trigger) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        Environment environment = environments.requireActive(ref);
        Instant now = clock.instant();
        String id = Ids.timeOrdered(clock);
        BackupRequested requested = new BackupRequested(Ids.eventId(), now, id, ref, safe, false, trigger,
                environment.commitSha(), environment.parts(), safe ? environment.hooks() : null);
        catalog.requested(requested);
        submit(requested);
        audit.record("backup.requested", target(ref, id), (safe ? "consistent" : "live") + ", " + trigger);
        return catalog.find(ref, id).orElseThrow();
    }

    /**
     * Queues an automated backup the scheduler asked for. Idempotent: a redelivered request changes nothing.
     * An environment that is gone or inactive by now gets the backup recorded as failed, with the reason.
     */
    @Transactional
    void scheduled(BackupRequested request) {
        EnvironmentRef ref = request.environment();
        if (catalog.exists(request.backupId())) {
            return;
        }
        catalog.requested(request);
        Optional<Environment> environment = environments.find(ref);
        if (environment.isEmpty() || !environment.get().active()) {
            catalog.endedByGateway(request.backupId(), "environment " + ref + (environment.isEmpty()
                    ? " no longer exists" : " was deactivated") + " before the automated backup started");
            return;
        }
        submit(request);
    }

    /**
     * Requests the backup now, or queues it behind its environment's running operation. A queued one is announced
     * at once: retention must see a deleted project's tombstone coming however long it waits.
     */
    private void submit(BackupRequested request) {
        String id = request.backupId();
        if (operations.submit(request.environment(), id, "backup", id, Topics.BACKUP_REQUESTS, request)) {
            outbox.add(Topics.BACKUP_EVENTS, new BackupQueued(Ids.eventId(), clock.instant(), id,
                    request.environment(), request.automated(), request.trigger()));
        }
    }

    BackupView get(EnvironmentRef ref, String id) {
        environments.view(ref);
        return catalog.find(ref, id).orElseThrow(() -> Problems.notFound("backup " + id + " of " + ref));
    }

    List<BackupView> list(EnvironmentRef ref, int limit, Instant start) {
        environments.view(ref);
        return catalog.list(ref, limit, start);
    }

    @Transactional
    BackupView verify(EnvironmentRef ref, String id, double sample) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        BackupView backup = get(ref, id);
        if (!backup.status().equals("COMPLETED")) {
            throw Problems.conflict("backup-not-verifiable", "backup " + id + " is " + backup.status()
                    + "; only completed backups can be verified");
        }
        catalog.verificationRequested(id, sample, clock.instant());
        outbox.add(Topics.BACKUP_EVENTS, new BackupVerificationRequested(Ids.eventId(), clock.instant(), id, ref,
                sample));
        audit.record("backup.verification-requested", target(ref, id), "sample " + sample);
        return catalog.find(ref, id).orElseThrow();
    }

    @Transactional
    BackupView delete(EnvironmentRef ref, String id) {
        access.require(ref.project(), ProjectAccess.Need.ADMIN);
        catalog.lock(id);
        BackupView backup = get(ref, id);
        if (backup.status().equals("PENDING") || backup.status().equals("IN_PROGRESS")) {
            throw Problems.conflict("backup-running", "backup " + id + " is still running; delete it once it ends");
        }
        if (operations.restoring(id)) {
            throw Problems.conflict("backup-restoring", "a restore from backup " + id
                    + " is queued or running; delete the backup once it ends");
        }
        if (!backup.status().equals("DELETING")) {
            catalog.markDeleting(id, clock.instant());
            outbox.add(Topics.BACKUP_EVENTS, new BackupDeletionRequested(Ids.eventId(), clock.instant(), id, ref,
                    "user"));
            audit.record("backup.deletion-requested", target(ref, id), null);
        }
        return catalog.find(ref, id).orElseThrow();
    }

    static String target(EnvironmentRef ref, String backupId) {
        return "project/" + ref.project() + "/environment/" + ref.environment() + "/backup/" + backupId;
    }
}
