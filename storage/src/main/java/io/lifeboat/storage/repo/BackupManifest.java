package io.lifeboat.storage.repo;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The commit marker of a backup, written after every part manifest. A backup exists if and only if
 * its backup manifest exists; everything else is data that garbage collection may reclaim.
 */
public record BackupManifest(int format, String project, String environment, String backupId, Instant createdAt,
                             Instant completedAt, boolean safe, boolean automated, String trigger,
                             @Nullable String commitSha, List<PartRef> parts, @Nullable Long holdMillis,
                             long skewMillis, Map<String, String> metadata) {

    public static final int FORMAT = 1;
    static final String KIND = "backup-manifest";

    /** One part of the backup, as its part manifest recorded it. */
    public record PartRef(String name, String type, long bytes, long storedBytes, @Nullable Instant pointInTime) {
    }

    public long bytes() {
        return parts.stream().mapToLong(PartRef::bytes).sum();
    }
}
