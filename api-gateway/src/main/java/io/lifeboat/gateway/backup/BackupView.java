package io.lifeboat.gateway.backup;

import java.time.Instant;
import java.util.List;

/**
 * A backup as the API shows it; the fields follow the reference platform's backup object.
 *
 * @param status         {@code PENDING}, {@code IN_PROGRESS}, {@code COMPLETED}, {@code FAILED} or {@code DELETING}
 * @param startedAt      when a worker started it; null while it waits its turn
 * @param sizeOfVolumes  logical bytes of every part
 * @param holdMillis     how long writes were held, for a consistent backup
 * @param services       one entry per part: a service, a mount, or the code
 * @param verification   the last verification, or null if the backup was never verified
 * @param retention      why retention keeps the backup, such as {@code daily 2026-11-25}; empty until assessed
 */
public record BackupView(String id, String project, String environment, String status, boolean safe,
                         boolean automated, String trigger, String commitId, Instant createdAt, Instant startedAt,
                         Instant updatedAt,
                         Instant completedAt, Instant expiresAt, boolean restorable, long sizeOfVolumes,
                         long sizeStored, Long holdMillis, Long skewMillis, List<PartView> services, String error,
                         Verification verification, List<String> retention) {

    /** A verification: {@code RUNNING}, {@code PASSED} or {@code FAILED}, with what was checked. */
    public record Verification(String status, double sample, Instant requestedAt, Instant verifiedAt,
                               Long chunksChecked, Long bytesChecked, List<String> errors) {
    }

    /** One part of a backup. */
    public record PartView(String name, String type, String status, long bytes) {
    }
}
