package io.lifeboat.retention.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a schedule day after day: takes the automated backups at their local times, evaluates after each one
 * (once it has completed) and at the day's end, and deletes what expires.
 */
final class Simulation {

    static final Duration BACKUP_DURATION = Duration.ofMinutes(10);
    private static final Map<String, List<DayEnd>> RECORDED = new ConcurrentHashMap<>();

    private final Policy policy;
    private final ZoneId zone;
    private final List<LocalTime> times;
    private final List<BackupFacts> retained = new ArrayList<>();

    /** The state at one day's end, after the day's deletions. */
    record DayEnd(LocalDate day, Instant now, List<BackupFacts> taken, List<BackupFacts> retained,
                  Evaluation evaluation) {

        List<BackupFacts> automated() {
            return retained.stream().filter(BackupFacts::automated).toList();
        }

        List<BackupFacts> manual() {
            return retained.stream().filter(b -> !b.automated()).toList();
        }
    }

    Simulation(Policy policy, ZoneId zone, List<LocalTime> times) {
        this.policy = policy;
        this.zone = zone;
        this.times = times;
    }

    /** Every day's end of a schedule without manual backups; each schedule runs once per test JVM. */
    static List<DayEnd> recorded(Policy policy, ZoneId zone, List<LocalTime> times, LocalDate from, int days) {
        return RECORDED.computeIfAbsent(policy + " " + zone + " " + times + " " + from + " " + days, key -> {
            List<DayEnd> ends = new ArrayList<>();
            new Simulation(policy, zone, times).run(from, days, ends::add);
            return List.copyOf(ends);
        });
    }

    Simulation with(List<BackupFacts> backups) {
        retained.addAll(backups);
        return this;
    }

    void run(LocalDate from, int days, Consumer<DayEnd> check) {
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            List<BackupFacts> taken = new ArrayList<>();
            for (LocalTime time : times) {
                Instant created = ZonedDateTime.of(day, time, zone).toInstant();
                BackupFacts backup = new BackupFacts("a-" + created, created, true, "schedule");
                taken.add(backup);
                retained.add(backup);
                evaluateAndDelete(created.plus(BACKUP_DURATION));
            }
            Instant end = ZonedDateTime.of(day, LocalTime.of(23, 59), zone).toInstant();
            Evaluation evaluation = evaluateAndDelete(end);
            check.accept(new DayEnd(day, end, taken, List.copyOf(retained), evaluation));
        }
    }

    private Evaluation evaluateAndDelete(Instant now) {
        Evaluation evaluation = RetentionEngine.evaluate(policy, EnvironmentKind.PRODUCTION, retained, now, zone);
        Set<String> expired = new HashSet<>(evaluation.expired());
        retained.removeIf(b -> expired.contains(b.id()));
        return evaluation;
    }
}
