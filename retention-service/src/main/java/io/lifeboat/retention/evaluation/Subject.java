package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.retention.policy.BackupFacts;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What this service knows of one environment when it evaluates it: its project and itself (null when no event
 * told of them yet) and its backups whose deletion nobody requested yet.
 */
record Subject(EnvironmentRef ref, @Nullable Project project, @Nullable Environment environment,
               List<Backup> backups) {

    record Project(@Nullable String plan, @Nullable String timezone, @Nullable String schedule,
                   @Nullable Instant deletedAt) {
    }

    record Environment(@Nullable String type, @Nullable String status, @Nullable Instant deletedAt) {
    }

    /**
     * @param createdAt    when retention counts the backup from: its request, else its completion
     * @param scheduledFor the slot of an automated backup, by which the rules place it; null if none or unknown
     * @param assessed     the last assessment published; null before the first
     */
    record Backup(String id, String status, boolean automated, @Nullable String trigger,
                  @Nullable Instant createdAt, @Nullable Instant scheduledFor, @Nullable Assessment assessed) {

        Backup(String id, String status, boolean automated, @Nullable String trigger, @Nullable Instant createdAt) {
            this(id, status, automated, trigger, createdAt, null, null);
        }

        boolean completed() {
            return status.equals("COMPLETED");
        }

        /** Queued behind another operation of its environment, or requested and not ended yet. */
        boolean running() {
            return status.equals("QUEUED") || status.equals("REQUESTED");
        }

        boolean tombstone() {
            return BackupFacts.TOMBSTONE.equals(trigger);
        }

        /** A completed backup as the engine sees it; the trigger is guessed when its request was not seen. */
        BackupFacts facts() {
            String guessed = automated ? "schedule" : "api";
            return new BackupFacts(id, createdAt, automated, trigger != null ? trigger : guessed, scheduledFor);
        }
    }

    /** What a {@code backup.retention-assessed} said. */
    record Assessment(boolean kept, @Nullable Instant expiresAt, List<String> reasons) {

        Assessment {
            reasons = List.copyOf(reasons);
        }
    }
}
