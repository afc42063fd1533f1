package io.lifeboat.gateway.platform;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.platform.MergeRequested;
import io.lifeboat.contracts.platform.PlatformBackupFailed;
import io.lifeboat.contracts.platform.PlatformEnvironmentChanged;
import io.lifeboat.contracts.platform.PlatformEnvironmentUpserted;
import io.lifeboat.contracts.platform.PlatformProjectDeleted;
import io.lifeboat.contracts.platform.ResizeRequested;
import io.lifeboat.gateway.backup.BackupView;
import io.lifeboat.gateway.backup.Backups;
import io.lifeboat.gateway.environment.Environment;
import io.lifeboat.gateway.environment.Environments;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Carries out what the platform asks on its topic, as the platform's service account. A merge or resize gets
 * a backup, which counts as manual and records its trigger; the platform hears back when it ends. A request
 * that cannot be served (unknown or inactive environment) is answered with a failure at once.
 * Redelivered requests are recognised by their request id.
 */
@Service
class PlatformIntake {

    private static final Logger log = LoggerFactory.getLogger(PlatformIntake.class);

    private final Backups backups;
    private final Environments environments;
    private final Projects projects;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PlatformIntake(Backups backups, Environments environments, Projects projects, JdbcClient jdbc, Outbox outbox,
                   Clock clock) {
        this.backups = backups;
        this.environments = environments;
        this.projects = projects;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    void handle(Event event) {
        PlatformCaller.run(() -> {
            switch (event) {
                case MergeRequested e -> backupFirst(e.requestId(), e.environment(), "merge");
                case ResizeRequested e -> backupFirst(e.requestId(), e.environment(), "resize");
                case PlatformEnvironmentUpserted e -> environments.upsertFromPlatform(e.environment(),
                        e.environmentType(), e.status(), e.commitSha(), e.parts());
                case PlatformEnvironmentChanged e -> changed(e);
                case PlatformProjectDeleted e -> {
                    if (projects.find(e.project()).isPresent()) {
                        projects.delete(e.project());
                    }
                }
                default -> throw new IllegalArgumentException("event " + event.getClass().getSimpleName()
                        + " does not belong on the platform topic");
            }
        });
    }

    private void changed(PlatformEnvironmentChanged e) {
        switch (e.change()) {
            case "activated" -> environments.setStatus(e.environment(), "active");
            case "deactivated" -> environments.setStatus(e.environment(), "inactive");
            case "deleted" -> {
                if (environments.find(e.environment()).isPresent()) {
                    environments.delete(e.environment());
                }
            }
            default -> throw new IllegalArgumentException("unknown environment change '" + e.change()
                    + "'; expected activated, deactivated or deleted");
        }
    }

    private void backupFirst(String requestId, EnvironmentRef ref, String trigger) {
        int fresh = jdbc.sql("""
                INSERT INTO platform_requests (request_id, trigger, project_id, environment, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""").params(requestId, trigger,
                ref.project(), ref.environment(), Timestamp.from(clock.instant())).update();
        if (fresh == 0) {
            log.info("platform request {} was already handled", requestId);
            return;
        }
        Optional<Environment> environment = environments.find(ref);
        if (environment.isEmpty() || !environment.get().active()) {
            String reason = environment.isEmpty() ? "environment " + ref + " is not registered with Lifeboat"
                    : "environment " + ref + " is inactive; activate it before a backup";
            log.info("platform {} request {} refused: {}", trigger, requestId, reason);
            outbox.add(Topics.PLATFORM_REPLIES, new PlatformBackupFailed(Ids.eventId(), clock.instant(), requestId,
                    ref, trigger, null, reason));
            return;
        }
        BackupView backup = backups.request(ref, true, trigger);
        jdbc.sql("UPDATE platform_requests SET backup_id = ? WHERE request_id = ?").params(backup.id(), requestId)
                .update();
    }
}
