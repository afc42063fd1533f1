package io.lifeboat.contracts;

import io.lifeboat.contracts.PartResult.PartStatus;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupPartCompleted;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerificationRequested;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One example of every event type; docs/events.md shows the same shapes. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-11-25T04:00:00Z");
    static final EnvironmentRef ENV = new EnvironmentRef("acme", "main");
    static final String BACKUP = "019abc0123457def8123456789abcdef";
    static final PartSpec DATABASE = new PartSpec("database", "postgresql",
            Map.of("host", "127.0.0.1", "port", "5432", "database", "app", "user", "app"), "c2VhbGVk");
    static final PartResult DONE = new PartResult("database", "postgresql", PartStatus.COMPLETED,
            1_048_576, 262_144, AT, null);
    static final PartResult RESTORED = new PartResult("database", "postgresql", PartStatus.COMPLETED,
            1_048_576, 0, null, null, Map.of("tables", 12L, "views", 3L, "routines", 4L, "triggers", 2L));

    static List<Event> all() {
        UUID id = UUID.fromString("6f1c2a4e-8d43-4f3e-9a51-0c2b7d9e4f10");
        return List.of(
                new BackupRequested(id, AT, BACKUP, ENV, true, false, "api", "4f2a9c1", List.of(DATABASE),
                        new Hooks("http://router:8080/_lifeboat/hold", "http://router:8080/_lifeboat/release")),
                new io.lifeboat.contracts.backup.BackupQueued(id, AT, BACKUP, ENV, false, "tombstone"),
                new io.lifeboat.contracts.backup.BackupHoldStarted(id, AT, BACKUP, ENV),
                new io.lifeboat.contracts.backup.BackupHoldReleased(id, AT, BACKUP, ENV, 12),
                new io.lifeboat.contracts.backup.BackupProgressed(id, AT, BACKUP, ENV, "streaming", 524_288,
                        1_048_576),
                new io.lifeboat.contracts.snapshot.PartSnapshotPrepared(id, AT, BACKUP, ENV, "database"),
                new io.lifeboat.contracts.snapshot.PartSnapshotCut(id, AT, BACKUP, ENV, "database", AT),
                new io.lifeboat.contracts.snapshot.PartSnapshotProgressed(id, AT, BACKUP, ENV, "database", 524_288),
                new io.lifeboat.contracts.snapshot.SnapshotCutRequested(id, AT, BACKUP, ENV, false),
                new BackupStarted(id, AT, BACKUP, ENV),
                new BackupPartCompleted(id, AT, BACKUP, ENV, DONE),
                new BackupCompleted(id, AT, BACKUP, ENV, true, false, "4f2a9c1", List.of(DONE), 1_048_576, 262_144,
                        12L, 3),
                new BackupFailed(id, AT, BACKUP, ENV, "part database: pg_dump exited with 1", List.of()),
                new BackupDeletionRequested(id, AT, BACKUP, ENV, "user"),
                new io.lifeboat.contracts.backup.BackupRetentionAssessed(id, AT, BACKUP, ENV, true,
                        Instant.parse("2026-12-01T04:00:00Z"), List.of("daily 2026-11-25")),
                new io.lifeboat.contracts.backup.BackupExpired(id, AT, BACKUP, ENV, "expired",
                        List.of("expired: older than the 6 daily backups")),
                new io.lifeboat.contracts.platform.PlatformEnvironmentUpserted(id, AT, ENV, "production", "active",
                        "4f2a9c1", List.of(DATABASE)),
                new io.lifeboat.contracts.platform.PlatformEnvironmentChanged(id, AT, ENV, "deactivated"),
                new io.lifeboat.contracts.platform.PlatformProjectDeleted(id, AT, "acme"),
                new io.lifeboat.contracts.platform.MergeRequested(id, AT, "merge-42", ENV, "feature-x"),
                new io.lifeboat.contracts.platform.ResizeRequested(id, AT, "resize-7", ENV, "database", 20_480),
                new io.lifeboat.contracts.platform.PlatformBackupCompleted(id, AT, "merge-42", ENV, "merge", BACKUP),
                new io.lifeboat.contracts.platform.PlatformBackupFailed(id, AT, "merge-42", ENV, "merge", BACKUP,
                        "part database: pg_dump exited with 1"),
                new BackupDeleted(id, AT, BACKUP, ENV, "user"),
                new BackupVerificationRequested(id, AT, BACKUP, ENV, 0.1),
                new BackupVerified(id, AT, BACKUP, ENV, 0.1, true, 120, 125_829_120, List.of()),
                new BackupRecovered(id, AT, BACKUP, ENV, true, false, "api", "4f2a9c1", AT, AT.plusSeconds(40),
                        List.of(DONE), 1_048_576, 262_144, 12L, 3),
                new PartSnapshotRequested(id, AT, BACKUP, ENV, DATABASE, AT.plusSeconds(3600), true),
                new PartSnapshotCompleted(id, AT, BACKUP, ENV, DONE),
                new PartSnapshotFailed(id, AT, BACKUP, ENV, "database", "postgresql", "connection refused"),
                new RestoreRequested(id, AT, "019abc0123457def8123456789abcdee", BACKUP, ENV,
                        new EnvironmentRef("acme", "staging"), true, List.of(DATABASE), null, false),
                new RestoreQueued(id, AT, "019abc0123457def8123456789abcdee", BACKUP, ENV),
                new RestoreStarted(id, AT, "019abc0123457def8123456789abcdee", BACKUP, ENV),
                new RestoreCompleted(id, AT, "019abc0123457def8123456789abcdee", BACKUP, ENV, "4f2a9c1",
                        List.of(RESTORED)),
                new RestoreFailed(id, AT, "019abc0123457def8123456789abcdee", BACKUP, ENV, "backup is not restorable",
                        "unchanged"),
                new ProjectUpserted(id, AT, "acme", "enterprise", "production", "Europe/Paris", "advanced"),
                new ProjectDeleted(id, AT, "acme"),
                new EnvironmentUpserted(id, AT, ENV, "production", "active", "4f2a9c1", List.of(DATABASE)),
                new EnvironmentDeleted(id, AT, ENV));
    }

    private SampleEvents() {
    }
}
