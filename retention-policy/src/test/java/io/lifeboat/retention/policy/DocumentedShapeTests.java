package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.lifeboat.retention.policy.ScheduleSimulationTests.DAILY;
import static io.lifeboat.retention.policy.ScheduleSimulationTests.SIX_HOURLY;
import static io.lifeboat.retention.policy.ScheduleSimulationTests.STEADY;
import static io.lifeboat.retention.policy.ScheduleSimulationTests.locals;
import static org.assertj.core.api.Assertions.assertThat;

/** The retained backups of each schedule in steady state, checked against the reference's own words. */
class DocumentedShapeTests {

    @Test
    void basicKeepsOneBackupForEachOfTheLastTwoDays() {
        steadyDays(Policy.BASIC, DAILY, (day, kept) ->
                assertThat(kept).containsExactly(at(day.minusDays(1), 4), at(day, 4)));
    }

    @Test
    void advancedKeepsSixDailyThreeWeeklyAndTwelveMonthly() {
        steadyDays(Policy.ADVANCED, DAILY, (day, kept) -> {
            assertThat(kept).hasSize(21);
            for (int i = 0; i < 6; i++) {
                assertThat(kept.get(20 - i)).isEqualTo(at(day.minusDays(i), 4));
            }
            List<LocalDateTime> weekly = kept.subList(12, 15);
            assertThat(weekly).allMatch(t -> t.getDayOfWeek() == DayOfWeek.MONDAY);
            assertThat(ChronoUnit.DAYS.between(weekly.get(0), weekly.get(2))).isEqualTo(14);
            assertThat(ChronoUnit.DAYS.between(weekly.get(2), at(day, 4))).isBetween(6L, 12L);
            List<LocalDateTime> monthly = kept.subList(0, 12);
            for (int i = 1; i < 12; i++) {
                assertThat(YearMonth.from(monthly.get(i))).isEqualTo(YearMonth.from(monthly.get(i - 1)).plusMonths(1));
            }
            assertThat(monthly).as("the first weekly backup of each month")
                    .allMatch(t -> t.getDayOfWeek() == DayOfWeek.MONDAY && t.getDayOfMonth() <= 7);
        });
    }

    @Test
    void premiumKeepsThreeSixHourlyThirtyDailyAndElevenMonthly() {
        steadyDays(Policy.PREMIUM, SIX_HOURLY, (day, kept) -> {
            assertThat(kept).hasSize(44);
            assertThat(kept.subList(40, 44)).containsExactly(at(day, 4), at(day, 10), at(day, 16), at(day, 22));
            for (int i = 1; i < 30; i++) {
                assertThat(kept.get(40 - i)).isEqualTo(at(day.minusDays(i), 4));
            }
            List<LocalDateTime> monthly = kept.subList(0, 11);
            assertThat(monthly).as("the first daily backup of each month").allMatch(t -> t.getDayOfMonth() == 1);
            for (int i = 0; i < 11; i++) {
                assertThat(YearMonth.from(monthly.get(10 - i)))
                        .isEqualTo(YearMonth.from(day.minusDays(30)).minusMonths(i));
            }
        });
    }

    @Test
    void dedicatedGen2FollowsTheAgeTable() {
        steadyDays(Policy.DEDICATED_GEN2, SIX_HOURLY, (day, kept) -> {
            assertThat(kept).hasSize(26);
            List<Long> ages = kept.reversed().stream().map(t -> ChronoUnit.DAYS.between(t.toLocalDate(), day)).toList();
            assertThat(ages.subList(0, 15)).as("every backup of days 1-3, one a day for days 4-6")
                    .containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 3L, 4L, 5L);
            List<Long> weekly = ages.subList(15, 20);
            assertThat(weekly.getFirst()).isBetween(6L, 12L);
            assertThat(gaps(weekly)).as("one a week in weeks 2-6").containsOnly(7L);
            assertThat(weekly.getLast()).isLessThanOrEqualTo(41L);
            List<Long> biWeekly = ages.subList(20, 23);
            assertThat(gaps(biWeekly)).as("one every two weeks in weeks 7-12").containsOnly(14L);
            assertThat(biWeekly.getFirst()).isBetween(41L, 55L);
            assertThat(biWeekly.getLast()).isLessThanOrEqualTo(83L);
            List<LocalDateTime> monthly = kept.subList(0, 3);
            assertThat(monthly.stream().map(YearMonth::from).distinct()).as("one a month").hasSize(3);
            assertThat(ages.getLast()).as("the oldest is in weeks 20 to 26").isBetween(139L, 180L);
        });
    }

    private static List<Long> gaps(List<Long> ages) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < ages.size(); i++) {
            gaps.add(ages.get(i) - ages.get(i - 1));
        }
        return gaps;
    }

    private interface DayCheck {
        void check(LocalDate day, List<LocalDateTime> kept);
    }

    private static void steadyDays(Policy policy, List<LocalTime> times, DayCheck check) {
        int checked = 0;
        for (Simulation.DayEnd day : ScheduleSimulationTests.recorded(policy, times)) {
            if (!day.day().isBefore(STEADY)) {
                check.check(day.day(), List.copyOf(locals(day.automated())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    private static LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0);
    }
}
