package io.lifeboat.retention.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The documented backup cycles, restated as queues and written apart from the engine: each stage holds its last
 * {@code count} backups, one per interval; when a stage overflows, its oldest backup passes down to the next
 * stage if it is the first backup of its interval there, and is deleted otherwise. Backups are local times.
 */
final class CycleOracle {

    private record Stage(Function<LocalDateTime, Object> interval, int count, Deque<LocalDateTime> queue,
                         Set<Object> seen) {
    }

    private final List<Stage> stages = new ArrayList<>();

    CycleOracle(Policy policy) {
        for (Rule rule : policy.rules()) {
            stages.add(new Stage(key(rule.interval()), rule.count(), new ArrayDeque<>(), new HashSet<>()));
        }
    }

    void add(LocalDateTime backup) {
        offer(0, backup);
    }

    TreeSet<LocalDateTime> retained() {
        TreeSet<LocalDateTime> all = new TreeSet<>();
        stages.forEach(s -> all.addAll(s.queue()));
        return all;
    }

    private void offer(int index, LocalDateTime backup) {
        if (index == stages.size()) {
            return;
        }
        Stage stage = stages.get(index);
        if (!stage.seen().add(stage.interval().apply(backup))) {
            return;
        }
        stage.queue().addLast(backup);
        if (stage.queue().size() > stage.count()) {
            offer(index + 1, stage.queue().removeFirst());
        }
    }

    private static Function<LocalDateTime, Object> key(Interval interval) {
        return switch (interval) {
            case HOUR -> t -> t.truncatedTo(ChronoUnit.HOURS);
            case SIX_HOURS -> t -> {
                LocalDateTime shifted = t.minusHours(4);
                return shifted.toLocalDate() + "/" + shifted.getHour() / 6;
            };
            case DAY -> LocalDateTime::toLocalDate;
            case WEEK -> CycleOracle::monday;
            case TWO_WEEKS -> t -> Math.floorDiv(ChronoUnit.WEEKS.between(LocalDate.of(1970, 1, 5), monday(t)), 2);
            case MONTH -> YearMonth::from;
            case YEAR -> LocalDateTime::getYear;
        };
    }

    private static LocalDate monday(LocalDateTime t) {
        return t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
