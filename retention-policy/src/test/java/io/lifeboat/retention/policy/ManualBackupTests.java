package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.lifeboat.retention.policy.Backups.PARIS;
import static io.lifeboat.retention.policy.Backups.at;
import static io.lifeboat.retention.policy.Backups.manual;
import static io.lifeboat.retention.policy.EnvironmentKind.PREVIEW;
import static io.lifeboat.retention.policy.EnvironmentKind.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

class ManualBackupTests {

    @Test
    void tenManualBackupsOnAdvancedAreAllKeptUntilThereAre15AutomatedOnes() {
        List<BackupFacts> manual = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> manual("m%02d".formatted(i), "2025-09-%02dT12:00".formatted(i))).toList();
        List<String> counts = new ArrayList<>();
        new Simulation(Policy.ADVANCED, PARIS, List.of(LocalTime.of(4, 0))).with(manual)
                .run(LocalDate.of(2025, 10, 1), 420, day -> {
                    int automated = day.automated().size();
                    int kept = day.manual().size();
                    assertThat(kept).as("on %s with %d automated", day.day(), automated)
                            .isEqualTo(Math.max(4, Math.min(10, 25 - automated)));
                    assertThat(day.manual()).as("the newest manual backups")
                            .isEqualTo(manual.subList(10 - kept, 10));
                    String step = automated + " automated, " + kept + " manual";
                    if (counts.isEmpty() || !counts.getLast().equals(step)) {
                        counts.add(step);
                    }
                });
        assertThat(counts).containsSubsequence("15 automated, 10 manual", "16 automated, 9 manual",
                "17 automated, 8 manual", "18 automated, 7 manual", "19 automated, 6 manual",
                "20 automated, 5 manual", "21 automated, 4 manual");
        assertThat(counts.getLast()).isEqualTo("21 automated, 4 manual");
    }

    @Test
    void extraManualBackupsUseFreeAutomatedSlotsNewestFirst() {
        List<BackupFacts> backups = new ArrayList<>(Backups.daily("2026-11-20", "2026-11-25", "04:00"));
        for (int i = 1; i <= 25; i++) {
            backups.add(manual("m%02d".formatted(i), "2026-10-%02dT12:00".formatted(i)));
        }
        Evaluation evaluation = evaluate(Policy.ADVANCED, PRODUCTION, backups, "2026-11-25T12:00");

        assertThat(evaluation.decision("m25").reasons()).containsExactly("manual 1 of 4");
        assertThat(evaluation.decision("m22").reasons()).containsExactly("manual 4 of 4");
        assertThat(evaluation.decision("m21").reasons()).containsExactly("manual (free automated slot)");
        assertThat(evaluation.decision("m07").reasons()).containsExactly("manual (free automated slot)");
        assertThat(evaluation.decision("m06").reasons()).containsExactly("expired: replaced by newer manual backups");
        assertThat(evaluation.expired()).containsExactly("m01", "m02", "m03", "m04", "m05", "m06");
        assertThat(evaluation.decision("m07").expiresAt()).isNull();
        assertThat(evaluation.decision("m25").expiresAt()).isNull();
    }

    @Test
    void aNewManualBackupReplacesTheOldestOnlyOnceItHasCompleted() {
        List<BackupFacts> backups = new ArrayList<>(Backups.advancedSteadyState());
        assertThat(backups).hasSize(21);
        for (int i = 1; i <= 4; i++) {
            backups.add(manual("m" + i, "2026-11-2" + i + "T12:00"));
        }
        Evaluation whileTheFifthRuns = evaluate(Policy.ADVANCED, PRODUCTION, backups, "2026-11-25T12:00");
        assertThat(whileTheFifthRuns.expired()).isEmpty();
        assertThat(whileTheFifthRuns.decision("m1").reasons()).containsExactly("manual 4 of 4");

        backups.add(manual("m5", "2026-11-25T12:00"));
        Evaluation onceCompleted = evaluate(Policy.ADVANCED, PRODUCTION, backups, "2026-11-25T12:30");
        assertThat(onceCompleted.expired()).containsExactly("m1");
        assertThat(onceCompleted.decision("m1").reasons())
                .containsExactly("expired: replaced by newer manual backups");
        assertThat(onceCompleted.decision("m5").reasons()).containsExactly("manual 1 of 4");
    }

    @Test
    void previewEnvironmentsKeepTwoManualBackups() {
        List<BackupFacts> backups = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            backups.add(manual("m" + i, "2026-11-2" + i + "T12:00"));
        }
        for (Policy policy : List.of(Policy.BASIC, Policy.ADVANCED, Policy.PREMIUM)) {
            Evaluation evaluation = evaluate(policy, PREVIEW, backups, "2026-11-25T13:00");
            assertThat(evaluation.kept()).containsExactly("m4", "m5");
            assertThat(evaluation.decision("m5").reasons()).containsExactly("manual 1 of 2");
            assertThat(evaluation.decision("m3").reasons()).containsExactly("expired: replaced by newer manual backups");
        }
    }

    /**
     * An Advanced environment leaves production at the end of 2026-11-24 (its project moved to a development
     * plan, or it became a staging environment): no automated backup is taken after. Its 21 automated backups are
     * not deleted at once; they age out on the cycle, day by day, as production's would if backups stopped.
     */
    @Test
    void automatedBackupsOfAnEnvironmentThatLeftProductionAgeOutOverTheCycleRatherThanAtOnce() {
        List<BackupFacts> automated = Backups.advancedSteadyState();
        List<BackupFacts> backups = new ArrayList<>(automated);
        backups.add(manual("m1", "2026-11-20T12:00"));
        backups.add(manual("m2", "2026-11-21T12:00"));
        backups.add(manual("m3", "2026-11-22T12:00"));
        List<Integer> keptEachDay = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 11, 25); day.isBefore(LocalDate.of(2028, 3, 1));
             day = day.plusDays(1)) {
            String noon = day.atTime(12, 0).toString();
            Evaluation preview = evaluate(Policy.ADVANCED, PREVIEW, backups, noon);
            Evaluation production = evaluate(Policy.ADVANCED, PRODUCTION, automated, noon);
            assertThat(preview.decisions()).as("on %s, as production's cycle decides", day)
                    .filteredOn(d -> d.id().startsWith("a-")).isEqualTo(production.decisions());
            assertThat(preview.kept()).as("the preview allowance").contains("m2", "m3").doesNotContain("m1");
            keptEachDay.add((int) preview.kept().stream().filter(id -> id.startsWith("a-")).count());
        }
        assertThat(keptEachDay.getFirst()).as("the day after it left production").isEqualTo(21);
        for (int d = 1; d < keptEachDay.size(); d++) {
            assertThat(keptEachDay.get(d)).as("day %d", d).isBetween(keptEachDay.get(d - 1) - 3,
                    keptEachDay.get(d - 1));
        }
        assertThat(keptEachDay.subList(0, 5)).as("the dailies go one a day").containsExactly(21, 20, 19, 18, 17);
        assertThat(keptEachDay.stream().distinct().count()).as("gone over many cycles").isGreaterThan(15);
        assertThat(keptEachDay.getLast()).as("all aged out in the end").isZero();
    }

    private static Evaluation evaluate(Policy policy, EnvironmentKind kind, List<BackupFacts> backups, String now) {
        return RetentionEngine.evaluate(policy, kind, backups, at(now), PARIS);
    }
}
