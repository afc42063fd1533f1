package io.lifeboat.retention.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * More than a year of scheduled backups for each schedule, in a zone with DST: from 2025-10-01 to 2026-12-24,
 * through the changes of 2025-10-26, 2026-03-29 and 2026-10-25. The engine runs after each backup and at each
 * day's end, and what it expires is deleted.
 */
class ScheduleSimulationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate START = LocalDate.of(2025, 10, 1);
    static final int DAYS = 450;
    static final LocalDate STEADY = LocalDate.of(2026, 11, 15);
    static final List<LocalTime> DAILY = List.of(LocalTime.of(4, 0));
    static final List<LocalTime> SIX_HOURLY =
            List.of(LocalTime.of(4, 0), LocalTime.of(10, 0), LocalTime.of(16, 0), LocalTime.of(22, 0));
    static final Policy CUSTOM = Policy.custom("custom", 3,
            List.of(Rule.of("1d", 7), Rule.of("1w", 4), Rule.of("1M", 12)));

    static Stream<Arguments> schedules() {
        return Stream.of(
                arguments("basic", Policy.BASIC, DAILY, 2),
                arguments("advanced", Policy.ADVANCED, DAILY, 21),
                arguments("premium", Policy.PREMIUM, SIX_HOURLY, 44),
                arguments("dedicated-gen2", Policy.DEDICATED_GEN2, SIX_HOURLY, 26),
                arguments("custom 1d x7, 1w x4, 1M x12", CUSTOM, DAILY, 23));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void keepsWhatTheCyclesSayAtEveryDaysEnd(String name, Policy policy, List<LocalTime> times, int steady) {
        CycleOracle oracle = new CycleOracle(policy);
        int previous = 0;
        for (Simulation.DayEnd day : recorded(policy, times)) {
            day.taken().forEach(b -> oracle.add(local(b.createdAt())));
            assertThat(locals(day.automated())).as("retained at the end of %s", day.day())
                    .isEqualTo(oracle.retained());
            int count = day.automated().size();
            if (day.day().isBefore(STEADY)) {
                assertThat(count).as("count on %s", day.day()).isBetween(previous, steady);
            } else {
                assertThat(count).as("steady count on %s", day.day()).isEqualTo(steady);
            }
            previous = count;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void keptBackupsExpireExactlyWhenTheySay(String name, Policy policy, List<LocalTime> times, int steady) {
        for (Simulation.DayEnd day : recorded(policy, times)) {
            if (day.day().getDayOfYear() % 11 != 0) {
                continue;
            }
            for (Decision decision : day.evaluation().decisions().stream().filter(Decision::kept).toList()) {
                Instant expiresAt = decision.expiresAt();
                assertThat(expiresAt).as("%s on %s", decision.id(), day.day()).isNotNull().isAfter(day.now());
                assertThat(evaluate(policy, day, expiresAt.minusNanos(1)).decision(decision.id()).kept()).isTrue();
                assertThat(evaluate(policy, day, expiresAt).decision(decision.id()).kept())
                        .as("%s at %s", decision.id(), expiresAt).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Santiago", "Australia/Lord_Howe"})
    void keepsWhatTheCyclesSayWhereClocksChangeAtMidnightOrByHalfAnHour(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        CycleOracle oracle = new CycleOracle(Policy.PREMIUM);
        new Simulation(Policy.PREMIUM, zone, SIX_HOURLY).run(START, 400, day -> {
            TreeSet<LocalDateTime> kept = new TreeSet<>();
            day.taken().forEach(b -> oracle.add(LocalDateTime.ofInstant(b.createdAt(), zone)));
            day.automated().forEach(b -> kept.add(LocalDateTime.ofInstant(b.createdAt(), zone)));
            assertThat(kept).as("retained at the end of %s", day.day()).isEqualTo(oracle.retained());
        });
    }

    static List<Simulation.DayEnd> recorded(Policy policy, List<LocalTime> times) {
        return Simulation.recorded(policy, PARIS, times, START, DAYS);
    }

    static Evaluation evaluate(Policy policy, Simulation.DayEnd day, Instant now) {
        return RetentionEngine.evaluate(policy, EnvironmentKind.PRODUCTION, day.retained(), now, PARIS);
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, PARIS);
    }

    static TreeSet<LocalDateTime> locals(List<BackupFacts> backups) {
        TreeSet<LocalDateTime> locals = new TreeSet<>();
        backups.forEach(b -> locals.add(local(b.createdAt())));
        return locals;
    }
}
