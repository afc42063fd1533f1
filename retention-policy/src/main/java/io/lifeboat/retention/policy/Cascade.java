package io.lifeboat.retention.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a policy, as stages, applied to a fixed list of automated backups at any time from the
 * evaluation on. See {@code docs/retention.md}.
 *
 * <p>Stage 0, the finest rule, looks back from the interval that contains the time. Each further stage looks
 * back from the interval that contains the last instant before the previous stage's window, and sees only the
 * backups taken before that window. A stage's first interval is passed over while the stage sees no backup in
 * it; every other interval uses up one of the count, empty or not. The first backup of each interval of the
 * window is kept. A stage's span runs from its window's start to the previous stage's window start.
 */
final class Cascade {

    private final List<Rule> rules;
    private final List<BackupFacts> backups;
    private final ZoneId zone;
    private final List<LocalDateTime[]> intervals = new ArrayList<>();
    private final List<Map<LocalDateTime, Integer>> firsts = new ArrayList<>();

    /** @param backups automated backups, oldest placed first ({@link BackupFacts#placedAt()}, then id) */
    Cascade(List<Rule> rules, List<BackupFacts> backups, ZoneId zone) {
        this.rules = rules;
        this.backups = backups;
        this.zone = zone;
        for (Rule rule : rules) {
            LocalDateTime[] starts = new LocalDateTime[backups.size()];
            Map<LocalDateTime, Integer> first = new HashMap<>();
            for (int b = 0; b < backups.size(); b++) {
                starts[b] = rule.interval().containing(backups.get(b).placedAt(), zone);
                first.putIfAbsent(starts[b], b);
            }
            intervals.add(starts);
            firsts.add(first);
        }
    }

    /** The oldest interval of each stage's window at {@code time}, finest stage first. */
    LocalDateTime[] windows(Instant time) {
        LocalDateTime[] oldest = new LocalDateTime[rules.size()];
        Instant reference = time;
        for (int r = 0; r < rules.size(); r++) {
            Interval interval = rules.get(r).interval();
            LocalDateTime start = interval.containing(r == 0 ? time : reference.minusNanos(1), zone);
            Integer first = firsts.get(r).get(start);
            boolean counted = first != null && (r == 0 || backups.get(first).placedAt().isBefore(reference));
            oldest[r] = interval.plus(start, 1L - rules.get(r).count() - (counted ? 0 : 1));
            reference = interval.startOf(oldest[r], zone);
        }
        return oldest;
    }

    /** The stage whose span holds the backup, or the number of rules when it is older than every window. */
    int span(int backup, LocalDateTime[] windows) {
        int r = 0;
        while (r < rules.size() && intervals.get(r)[backup].isBefore(windows[r])) {
            r++;
        }
        return r;
    }

    /** True when the backup is the first of its interval of the rule. */
    boolean first(int r, int backup) {
        return firsts.get(r).get(intervals.get(r)[backup]) == backup;
    }

    /** The first time at which the rule's window starts after the backup's interval. */
    Instant leaves(int r, int backup) {
        Interval interval = rules.get(r).interval();
        return whenWindowReaches(r, interval.plus(intervals.get(r)[backup], 1));
    }

    Rule rule(int r) {
        return rules.get(r);
    }

    int rules() {
        return rules.size();
    }

    LocalDateTime interval(int r, int backup) {
        return intervals.get(r)[backup];
    }

    /** The first time, from the evaluation on, at which the oldest interval of stage r is {@code target} or later. */
    private Instant whenWindowReaches(int r, LocalDateTime target) {
        Interval interval = rules.get(r).interval();
        LocalDateTime last = interval.plus(target, rules.get(r).count() - 1L);
        LocalDateTime after = interval.plus(last, 1);
        Integer first = firsts.get(r).get(last);
        if (r == 0) {
            return interval.startOf(first != null ? last : after, zone);
        }
        Instant reference = first != null ? backups.get(first).placedAt() : interval.startOf(after, zone);
        Interval finer = rules.get(r - 1).interval();
        return whenWindowReaches(r - 1, finer.plus(finer.containing(reference, zone), 1));
    }
}
