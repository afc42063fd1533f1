package io.lifeboat.retention.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which backups of one environment to keep. A pure function: no clock, no I/O, and the same decisions
 * for the same backups in any order. The caller deletes what expires; see {@code docs/retention.md}.
 */
public final class RetentionEngine {

    private static final Comparator<BackupFacts> OLDEST_FIRST =
            Comparator.comparing(BackupFacts::createdAt).thenComparing(BackupFacts::id);
    private static final Comparator<BackupFacts> OLDEST_PLACED_FIRST =
            Comparator.comparing(BackupFacts::placedAt).thenComparing(BackupFacts::id);

    private RetentionEngine() {
    }

    /** {@link #evaluate(Policy, EnvironmentKind, List, Instant, ZoneId, RetentionOptions)} with the defaults. */
    public static Evaluation evaluate(Policy policy, EnvironmentKind kind, List<BackupFacts> backups, Instant now,
                                      ZoneId zone) {
        return evaluate(policy, kind, backups, now, zone, RetentionOptions.DEFAULTS);
    }

    /**
     * Decides on every backup of an environment.
     *
     * @param policy  the environment's policy
     * @param kind    production, or any other environment
     * @param backups every completed backup of the environment, in any order, ids unique
     * @param now     the evaluation time
     * @param zone    the project's time zone, in which days, weeks, months and years are counted
     * @param options settings that are not part of the policy
     * @return one decision per backup, oldest first
     * @throws IllegalArgumentException when two backups have the same id
     */
    public static Evaluation evaluate(Policy policy, EnvironmentKind kind, List<BackupFacts> backups, Instant now,
                                      ZoneId zone, RetentionOptions options) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(options, "options");
        List<BackupFacts> sorted = sorted(backups);
        List<BackupFacts> automated = new ArrayList<>();
        List<BackupFacts> manual = new ArrayList<>();
        Map<String, Decision> decisions = new HashMap<>();
        for (BackupFacts backup : sorted) {
            if (backup.tombstone()) {
                decisions.put(backup.id(), tombstone(backup, now, zone, options));
            } else if (!backup.automated()) {
                manual.add(backup);
            } else if (backup.createdAt().isAfter(now) || backup.placedAt().isAfter(now)) {
                decisions.put(backup.id(), new Decision(backup.id(), true,
                        List.of("created after the evaluation time"), null));
            } else {
                automated.add(backup);
            }
        }
        automated.sort(OLDEST_PLACED_FIRST);
        AutomatedDecisions.decide(policy, automated, now, zone).forEach(d -> decisions.put(d.id(), d));
        int keptAutomated = (int) sorted.stream().filter(b -> b.automated() && !b.tombstone())
                .filter(b -> decisions.get(b.id()).kept()).count();
        ManualDecisions.decide(policy, kind, manual.reversed(), keptAutomated).forEach(d -> decisions.put(d.id(), d));
        return new Evaluation(sorted.stream().map(b -> decisions.get(b.id())).toList());
    }

    private static Decision tombstone(BackupFacts backup, Instant now, ZoneId zone, RetentionOptions options) {
        Instant until = backup.createdAt().plus(options.tombstoneRetention());
        LocalDate day = LocalDate.ofInstant(until, zone);
        return now.isBefore(until)
                ? new Decision(backup.id(), true, List.of("tombstone until " + day), until)
                : new Decision(backup.id(), false, List.of("expired: tombstone retention ended " + day), null);
    }

    private static List<BackupFacts> sorted(List<BackupFacts> backups) {
        List<BackupFacts> sorted = new ArrayList<>(Objects.requireNonNull(backups, "backups"));
        sorted.forEach(b -> Objects.requireNonNull(b, "backup"));
        sorted.sort(OLDEST_FIRST);
        Set<String> ids = new HashSet<>();
        for (BackupFacts backup : sorted) {
            if (!ids.add(backup.id())) {
                throw new IllegalArgumentException("backup " + backup.id() + " is listed twice");
            }
        }
        return sorted;
    }
}
