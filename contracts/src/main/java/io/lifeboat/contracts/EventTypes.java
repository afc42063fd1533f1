package io.lifeboat.contracts;

import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupExpired;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupHoldReleased;
import io.lifeboat.contracts.backup.BackupHoldStarted;
import io.lifeboat.contracts.backup.BackupPartCompleted;
import io.lifeboat.contracts.backup.BackupProgressed;
import io.lifeboat.contracts.backup.BackupQueued;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupRetentionAssessed;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerificationRequested;
import io.lifeboat.contracts.backup.BackupVerified;
import io.lifeboat.contracts.environment.EnvironmentDeleted;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectDeleted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.contracts.platform.MergeRequested;
import io.lifeboat.contracts.platform.PlatformBackupCompleted;
import io.lifeboat.contracts.platform.PlatformBackupFailed;
import io.lifeboat.contracts.platform.PlatformEnvironmentChanged;
import io.lifeboat.contracts.platform.PlatformEnvironmentUpserted;
import io.lifeboat.contracts.platform.PlatformProjectDeleted;
import io.lifeboat.contracts.platform.ResizeRequested;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreQueued;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import io.lifeboat.contracts.snapshot.PartSnapshotCompleted;
import io.lifeboat.contracts.snapshot.PartSnapshotCut;
import io.lifeboat.contracts.snapshot.PartSnapshotFailed;
import io.lifeboat.contracts.snapshot.PartSnapshotPrepared;
import io.lifeboat.contracts.snapshot.PartSnapshotProgressed;
import io.lifeboat.contracts.snapshot.PartSnapshotRequested;
import io.lifeboat.contracts.snapshot.SnapshotCutRequested;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire name and schema version of every event. The name is a contract: renaming a class
 * changes nothing on the wire. Each name has a JSON Schema at {@code schemas/<name>.v<version>.json}.
 */
public final class EventTypes {

    public record Type(String name, int version, Class<? extends Event> javaType) {
        public String schemaResource() {
            return "schemas/" + name + ".v" + version + ".json";
        }
    }

    private static final Map<String, Type> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, Type> BY_CLASS = new LinkedHashMap<>();

    static {
        register("backup.requested", 1, BackupRequested.class);
        register("backup.queued", 1, BackupQueued.class);
        register("backup.started", 1, BackupStarted.class);
        register("backup.part-completed", 1, BackupPartCompleted.class);
        register("backup.completed", 1, BackupCompleted.class);
        register("backup.failed", 1, BackupFailed.class);
        register("backup.deletion-requested", 1, BackupDeletionRequested.class);
        register("backup.deleted", 1, BackupDeleted.class);
        register("backup.verification-requested", 1, BackupVerificationRequested.class);
        register("backup.verified", 1, BackupVerified.class);
        register("backup.recovered", 1, BackupRecovered.class);
        register("backup.hold-started", 1, BackupHoldStarted.class);
        register("backup.hold-released", 1, BackupHoldReleased.class);
        register("backup.progressed", 1, BackupProgressed.class);
        register("backup.retention-assessed", 1, BackupRetentionAssessed.class);
        register("backup.expired", 1, BackupExpired.class);
        register("snapshot.part-requested", 1, PartSnapshotRequested.class);
        register("snapshot.part-completed", 1, PartSnapshotCompleted.class);
        register("snapshot.part-failed", 1, PartSnapshotFailed.class);
        register("snapshot.part-prepared", 1, PartSnapshotPrepared.class);
        register("snapshot.part-cut", 1, PartSnapshotCut.class);
        register("snapshot.part-progressed", 1, PartSnapshotProgressed.class);
        register("snapshot.cut-requested", 1, SnapshotCutRequested.class);
        register("restore.requested", 1, RestoreRequested.class);
        register("restore.queued", 1, RestoreQueued.class);
        register("restore.started", 1, RestoreStarted.class);
        register("restore.completed", 1, RestoreCompleted.class);
        register("restore.failed", 1, RestoreFailed.class);
        register("project.upserted", 1, ProjectUpserted.class);
        register("project.deleted", 1, ProjectDeleted.class);
        register("environment.upserted", 1, EnvironmentUpserted.class);
        register("environment.deleted", 1, EnvironmentDeleted.class);
        register("platform.environment-upserted", 1, PlatformEnvironmentUpserted.class);
        register("platform.environment-changed", 1, PlatformEnvironmentChanged.class);
        register("platform.project-deleted", 1, PlatformProjectDeleted.class);
        register("platform.merge-requested", 1, MergeRequested.class);
        register("platform.resize-requested", 1, ResizeRequested.class);
        register("platform.backup-completed", 1, PlatformBackupCompleted.class);
        register("platform.backup-failed", 1, PlatformBackupFailed.class);
    }

    private static void register(String name, int version, Class<? extends Event> javaType) {
        Type type = new Type(name, version, javaType);
        BY_NAME.put(name, type);
        BY_CLASS.put(javaType, type);
    }

    public static Optional<Type> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Type of(Class<? extends Event> javaType) {
        Type type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("unregistered event class " + javaType.getName());
        }
        return type;
    }

    public static Iterable<Type> all() {
        return BY_NAME.values();
    }

    private EventTypes() {
    }
}
