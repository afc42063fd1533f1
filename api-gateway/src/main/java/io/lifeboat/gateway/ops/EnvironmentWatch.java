package io.lifeboat.gateway.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * What the topics say about one environment's schedule: its type and status (from its last
 * {@code environment.upserted}), the automated backups it had, and its last successful backup.
 *
 * <p>When no upsert of it is on the topic any more (retention dropped it), its automated backups stand in:
 * only a production environment of a production plan gets them, and slots less than a day apart say
 * Premium's four a day. Events of an environment older than its deletion are ignored, so that a
 * re-created environment starts afresh whatever order the topics are read in.
 */
final class EnvironmentWatch {

    static final Duration DAILY = Duration.ofHours(24);
    static final Duration FOUR_A_DAY = Duration.ofHours(6);

    /** How an environment stands against its schedule: owed a backup by {@code due}. */
    record Due(Duration interval, String schedule, String basis, Instant due) {
    }

    private String type;
    private String status;
    private boolean deleted;
    private Instant deletedAt = Instant.MIN;
    private Instant eligibleSince;
    private Instant firstAutomatedAt;
    private Instant lastSlot;
    private boolean subDaily;
    Instant lastSuccessAt;
    String lastSuccessId;

    void upserted(String type, String status, Instant at) {
        boolean wasEligible = !deleted && eligible(this.type, this.status);
        this.type = type;
        this.status = status;
        this.deleted = false;
        if (!eligible(type, status)) {
            eligibleSince = null;
        } else if (!wasEligible || eligibleSince == null) {
            eligibleSince = at;
        }
    }

    void deleted(Instant at) {
        deleted = true;
        if (at.isAfter(deletedAt)) {
            deletedAt = at;
        }
        eligibleSince = null;
        firstAutomatedAt = null;
        lastSlot = null;
        subDaily = false;
        lastSuccessAt = null;
        lastSuccessId = null;
    }

    /** An automated backup was asked for (its slot, or null) at {@code at}. */
    void automated(Instant slot, Instant at) {
        if (!at.isAfter(deletedAt)) {
            return;
        }
        if (firstAutomatedAt == null || at.isBefore(firstAutomatedAt)) {
            firstAutomatedAt = at;
        }
        if (slot != null) {
            if (lastSlot != null && !slot.equals(lastSlot) && Duration.between(slot, lastSlot).abs().compareTo(DAILY) < 0) {
                subDaily = true;
            }
            if (lastSlot == null || slot.isAfter(lastSlot)) {
                lastSlot = slot;
            }
        }
    }

    void succeeded(String backupId, Instant at) {
        if (at.isAfter(deletedAt) && (lastSuccessAt == null || at.isAfter(lastSuccessAt))) {
            lastSuccessAt = at;
            lastSuccessId = backupId;
        }
    }

    /**
     * When the environment is owed its next successful backup, or null when it has no schedule to keep (not
     * a production environment, inactive, deleted, on a development plan, or nothing says it has one).
     */
    Due due(ProjectFacts project, Duration margin) {
        if (deleted || (project != null && (project.deleted() || project.plan().equals("development")))) {
            return null;
        }
        Instant since;
        String basis;
        if (type != null) {
            if (!eligible(type, status) || (project == null && firstAutomatedAt == null)) {
                return null;
            }
            since = eligibleSince;
            basis = "environment";
        } else if (firstAutomatedAt != null) {
            since = firstAutomatedAt;
            basis = "automated-backups";
        } else {
            return null;
        }
        Duration interval;
        String schedule = null;
        if (project != null) {
            schedule = project.schedule();
            interval = schedule.equals("premium") || schedule.equals("dedicated-gen2") ? FOUR_A_DAY : DAILY;
            since = latest(since, project.since());
        } else {
            interval = subDaily ? FOUR_A_DAY : DAILY;
            basis = "automated-backups";
        }
        Instant reference = latest(since, lastSuccessAt);
        return reference == null ? null : new Due(interval, schedule, basis, reference.plus(interval).plus(margin));
    }

    private static boolean eligible(String type, String status) {
        return "production".equals(type) && "active".equals(status);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
