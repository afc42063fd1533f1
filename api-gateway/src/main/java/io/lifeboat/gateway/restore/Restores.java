package io.lifeboat.gateway.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.gateway.backup.BackupCatalog;
import io.lifeboat.gateway.backup.BackupView;
import io.lifeboat.gateway.environment.Environment;
import io.lifeboat.gateway.environment.Environments;
import io.lifeboat.gateway.identity.Audit;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.operation.Operations;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.support.events.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Starts restores after checking everything that can be checked up front; a bad request changes nothing. */
@Service
class Restores {

    private final Environments environments;
    private final BackupCatalog backups;
    private final RestoreStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final ProjectAccess access;
    private final Audit audit;
    private final Operations operations;
    private final Projects projects;

    Restores(Environments environments, BackupCatalog backups, RestoreStore store, Outbox outbox, Clock clock,
             ProjectAccess access, Audit audit, Operations operations, Projects projects) {
        this.operations = operations;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
        this.environments = environments;
        this.backups = backups;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Restores a backup of {@code source} into an environment of {@code targetProject}: its own project, or,
     * for an operator recovering a deleted project, another one.
     */
    @Transactional
    RestoreView request(EnvironmentRef source, String backupId, String targetProject, String targetName,
                        String branchFrom, boolean restoreCode, boolean replaceMissingDefiners) {
        access.require(source.project(), ProjectAccess.Need.ADMIN);
        boolean recovery = !targetProject.equals(source.project());
        if (recovery) {
            requireRecovery(source, targetProject);
        } else {
            environments.require(source);
        }
        backups.lock(backupId);
        BackupView backup = backups.find(source, backupId)
                .orElseThrow(() -> Problems.notFound("backup " + backupId + " of " + source));
        if (!backup.restorable()) {
            throw Problems.conflict("backup-not-restorable", "backup " + backupId + " is " + backup.status()
                    + " and cannot be restored; only completed backups are restorable");
        }
        EnvironmentRef targetRef = new EnvironmentRef(targetProject, targetName == null ? source.environment()
                : targetName);
        if (branchFrom != null && environments.find(targetRef).isEmpty()) {
            environments.branch(new EnvironmentRef(targetProject, branchFrom), targetRef.environment());
        }
        Environment target = environments.requireActive(targetRef);
        Map<String, PartSpec> targetParts = target.parts().stream()
                .collect(Collectors.toMap(PartSpec::name, Function.identity()));
        for (BackupView.PartView part : backup.services()) {
            if (!restoreCode && part.type().equals("code")) {
                continue;
            }
            PartSpec match = targetParts.get(part.name());
            if (match == null || !match.type().equals(part.type())) {
                throw Problems.conflict("incompatible-target", "environment " + targetRef + " has no " + part.type()
                        + " part named " + part.name() + ", which the backup holds");
            }
        }
        List<PartSpec> parts = target.parts().stream().filter(p -> restoreCode || !p.type().equals("code")).toList();
        Instant now = clock.instant();
        String id = Ids.timeOrdered(clock);
        store.insertPending(id, source, backupId, targetRef, restoreCode, replaceMissingDefiners, backup.commitId(),
                now);
        boolean queued = operations.submit(targetRef, id, "restore", backupId, Topics.RESTORE_REQUESTS,
                new RestoreRequested(Ids.eventId(), now, id, backupId, source, targetRef, restoreCode, parts,
                        target.hooks(), replaceMissingDefiners));
        if (queued) {
            // retention learns of it now, not when it is requested: the backup must outlive the wait
            outbox.add(Topics.RESTORE_EVENTS, new RestoreQueued(Ids.eventId(), now, id, backupId, targetRef));
        }
        audit.record("restore.requested", "project/" + targetProject + "/environment/" + targetRef.environment()
                + "/restore/" + id, "backup " + backupId + " of " + (recovery ? source + ", a deleted project"
                : source.environment()));
        return store.find(targetProject, id).orElseThrow();
    }

    /**
     * A backup goes into another project only to recover a deleted project, which its members can no longer
     * do: the configured admin token or the platform restores one of its tombstones into a project it chose.
     */
    private void requireRecovery(EnvironmentRef source, String targetProject) {
        access.requireOperator("only an operator (the admin token) or the platform restores a backup into "
                + "another project, to recover a deleted project");
        projects.requireDeleted(source.project(), "its backups are restored into its own environments; only a "
                + "deleted project's backups may be restored into another project");
        access.require(targetProject, ProjectAccess.Need.ADMIN);
        projects.require(targetProject);
    }

    List<RestoreView> list(EnvironmentRef ref, int limit, Instant before) {
        environments.view(ref);
        return store.list(ref.project(), ref.environment(), limit, before);
    }

    RestoreView get(String project, String id) {
        access.require(project, ProjectAccess.Need.VIEW);
        return store.find(project, id).orElseThrow(() -> Problems.notFound("restore " + id));
    }
}
