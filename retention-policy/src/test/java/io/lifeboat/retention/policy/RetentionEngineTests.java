package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static io.lifeboat.retention.policy.Backups.PARIS;
import static io.lifeboat.retention.policy.Backups.at;
import static io.lifeboat.retention.policy.Backups.automated;
import static io.lifeboat.retention.policy.Backups.manual;
import static io.lifeboat.retention.policy.Backups.tombstone;
import static io.lifeboat.retention.policy.EnvironmentKind.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionEngineTests {

    @Test
    void explainsEveryDecisionAndWhenEachKeptBackupExpires() {
        List<BackupFacts> backups = Backups.daily("2025-09-01", "2026-11-25", "04:00");
        Evaluation evaluation = evaluate(Policy.ADVANCED, backups, "2026-11-25T12:00");

        assertThat(evaluation.kept()).hasSize(21);
        assertKept(evaluation, "2026-11-25T04:00", "2026-12-02T00:00", "daily 2026-11-25");
        assertKept(evaluation, "2026-11-23T04:00", "2026-12-28T00:00", "daily 2026-11-23", "weekly 2026-W48");
        assertKept(evaluation, "2026-11-16T04:00", "2026-12-21T00:00", "weekly 2026-W47");
        assertThat(reasons(evaluation, "2026-11-01T04:00")).containsExactly("monthly 2026-11");
        assertThat(reasons(evaluation, "2025-12-01T04:00")).containsExactly("monthly 2025-12");
        assertThat(reasons(evaluation, "2026-11-19T04:00"))
                .containsExactly("expired: not the first weekly backup of 2026-W47");
        assertThat(reasons(evaluation, "2026-10-15T04:00"))
                .containsExactly("expired: not the first monthly backup of 2026-10");
        assertThat(reasons(evaluation, "2025-11-01T04:00"))
                .containsExactly("expired: older than the last 12 monthly intervals");
    }

    @Test
    void sixHourlyBackupsThatAreNotTheFirstOfTheirDayExpireOnTheNextCycle() {
        List<BackupFacts> backups = List.of(automated("2026-11-25T04:00"), automated("2026-11-25T10:00"),
                automated("2026-11-25T16:00"), automated("2026-11-25T22:00"), automated("2026-11-26T04:00"));
        Evaluation evaluation = evaluate(Policy.PREMIUM, backups, "2026-11-26T04:10");

        assertThat(reasons(evaluation, "2026-11-25T10:00"))
                .containsExactly("expired: not the first daily backup of 2026-11-25");
        assertThat(reasons(evaluation, "2026-11-26T04:00")).containsExactly("6-hourly 2026-11-26T04:00",
                "daily 2026-11-26");
        assertKept(evaluation, "2026-11-25T16:00", "2026-11-26T16:00", "6-hourly 2026-11-25T16:00");
        assertThat(reasons(evaluation, "2026-11-25T04:00")).as("the first backup of November too")
                .containsExactly("daily 2026-11-25", "monthly 2026-11");
    }

    @Test
    void countsCalendarDaysAcrossTheSpringChange() {
        List<BackupFacts> backups = Backups.daily("2026-03-27", "2026-03-29", "04:00");
        Evaluation evaluation = evaluate(Policy.BASIC, backups, "2026-03-29T04:10");

        assertThat(evaluation.expired()).containsExactly(automated("2026-03-27T04:00").id());
        assertKept(evaluation, "2026-03-28T04:00", "2026-03-31T00:00", "daily 2026-03-28");
        assertKept(evaluation, "2026-03-29T04:00", "2026-04-01T00:00", "daily 2026-03-29");
    }

    @Test
    void countsSixHourIntervalsAcrossTheAutumnChange() {
        List<BackupFacts> backups = List.of(automated("2026-10-01T04:00"), automated("2026-10-24T22:00"),
                automated("2026-10-25T01:00"), automated("2026-10-25T04:00"), automated("2026-10-25T10:00"));
        Evaluation evaluation = evaluate(Policy.PREMIUM, backups, "2026-10-25T10:10");

        assertThat(reasons(evaluation, "2026-10-25T01:00"))
                .containsExactly("expired: not the first 6-hourly backup of 2026-10-24T22:00");
        assertKept(evaluation, "2026-10-24T22:00", "2026-11-24T22:00", "6-hourly 2026-10-24T22:00",
                "daily 2026-10-24");
        assertKept(evaluation, "2026-10-25T10:00", "2026-10-26T10:00", "6-hourly 2026-10-25T10:00");
    }

    @Test
    void theCustomPolicyOfTheGatewayKeepsSevenDailyFourWeeklyAndTwelveMonthly() {
        Policy custom = Policy.custom("custom", 2, List.of(Rule.of("1d", 7), Rule.of("1w", 4), Rule.of("1M", 12)));
        List<BackupFacts> backups = Backups.daily("2025-06-01", "2026-11-25", "04:00");
        Evaluation evaluation = evaluate(custom, backups, "2026-11-25T12:00");

        assertThat(evaluation.kept()).hasSize(23);
        assertThat(reasons(evaluation, "2026-11-19T04:00")).containsExactly("daily 2026-11-19");
        assertThat(reasons(evaluation, "2026-11-16T04:00")).containsExactly("weekly 2026-W47");
        assertThat(reasons(evaluation, "2026-10-26T04:00")).containsExactly("weekly 2026-W44");
        assertThat(reasons(evaluation, "2026-10-19T04:00"))
                .containsExactly("expired: not the first monthly backup of 2026-10");
        assertThat(reasons(evaluation, "2025-11-01T04:00")).containsExactly("monthly 2025-11");
    }

    @Test
    void givesTheSameDecisionsForTheSameBackupsInAnyOrder() {
        List<BackupFacts> backups = new ArrayList<>(Backups.advancedSteadyState());
        backups.add(manual("m1", "2026-11-01T12:00"));
        backups.add(manual("m2", "2026-11-01T12:00"));
        backups.add(manual("m3", "2026-11-20T12:00"));
        backups.add(tombstone("t", "2026-11-24T12:00"));
        backups.add(automated("2026-11-25T07:00"));
        Evaluation expected = evaluate(Policy.ADVANCED, backups, "2026-11-25T12:00");
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(backups, random);
            assertThat(evaluate(Policy.ADVANCED, backups, "2026-11-25T12:00")).isEqualTo(expected);
        }
    }

    @Test
    void keepsBackupsTakenAfterTheEvaluationTime() {
        Evaluation evaluation = evaluate(Policy.BASIC, List.of(automated("2026-11-25T04:00")), "2026-11-25T03:59");
        assertThat(reasons(evaluation, "2026-11-25T04:00")).containsExactly("created after the evaluation time");
    }

    @Test
    void aPolicyWithoutRulesKeepsNoAutomatedBackups() {
        Policy manualOnly = Policy.custom("manual-only", 3, List.of());
        Evaluation evaluation = evaluate(manualOnly, List.of(automated("2026-11-25T04:00")), "2026-11-25T05:00");
        assertThat(reasons(evaluation, "2026-11-25T04:00"))
                .containsExactly("expired: policy manual-only keeps no automated backups");
    }

    @Test
    void refusesTwoBackupsWithTheSameIdAndAnswersOnlyForEvaluatedOnes() {
        List<BackupFacts> twice = List.of(manual("m", "2026-11-25T04:00"), manual("m", "2026-11-25T05:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> evaluate(Policy.BASIC, twice, "2026-11-25T06:00"))
                .withMessageContaining("backup m is listed twice");
        Evaluation evaluation = evaluate(Policy.BASIC, List.of(), "2026-11-25T06:00");
        assertThat(evaluation.decisions()).isEmpty();
        assertThatThrownBy(() -> evaluation.decision("x")).isInstanceOf(NoSuchElementException.class);
    }

    /**
     * The scheduler was down over the night: the slot of 2026-11-23T04:00 was caught up at 00:30 on the 24th,
     * then the 24th's own slot ran at 04:00. Placed by when they ran, both fell on the 24th and the 24th's real
     * backup was deleted; placed by their slots, each day keeps its own.
     */
    @Test
    void aSlotCaughtUpAfterMidnightCountsForItsOwnDayAndTheNextDaysBackupIsKept() {
        BackupFacts late = new BackupFacts("late", at("2026-11-24T00:30"), true, "schedule", at("2026-11-23T04:00"));
        BackupFacts next = new BackupFacts("next", at("2026-11-24T04:12"), true, "schedule", at("2026-11-24T04:00"));
        Evaluation evaluation = evaluate(Policy.BASIC, List.of(automated("2026-11-22T04:00"), next, late),
                "2026-11-24T12:00");

        assertThat(evaluation.decision("late").reasons()).containsExactly("daily 2026-11-23");
        assertThat(evaluation.decision("late").expiresAt()).isEqualTo(at("2026-11-26T00:00"));
        assertThat(evaluation.decision("next").reasons()).containsExactly("daily 2026-11-24");
        assertThat(evaluation.decision("next").expiresAt()).isEqualTo(at("2026-11-27T00:00"));
        assertThat(reasons(evaluation, "2026-11-22T04:00"))
                .containsExactly("expired: older than the last 2 daily intervals");
        assertThat(evaluation.decisions()).extracting(Decision::id).as("listed by when they were taken")
                .containsExactly(automated("2026-11-22T04:00").id(), "late", "next");

        Evaluation byRunTime = evaluate(Policy.BASIC, List.of(automated("2026-11-22T04:00"),
                new BackupFacts("late", late.createdAt(), true, "schedule"),
                new BackupFacts("next", next.createdAt(), true, "schedule")), "2026-11-24T12:00");
        assertThat(byRunTime.decision("next").reasons()).as("placed by when it ran, as before")
                .containsExactly("expired: not the first daily backup of 2026-11-24");
    }

    private static Evaluation evaluate(Policy policy, List<BackupFacts> backups, String now) {
        return RetentionEngine.evaluate(policy, PRODUCTION, backups, at(now), PARIS);
    }

    private static List<String> reasons(Evaluation evaluation, String automatedAt) {
        return evaluation.decision(automated(automatedAt).id()).reasons();
    }

    private static void assertKept(Evaluation evaluation, String automatedAt, String expiresAt, String... reasons) {
        Decision decision = evaluation.decision(automated(automatedAt).id());
        assertThat(decision.kept()).isTrue();
        assertThat(decision.reasons()).containsExactly(reasons);
        assertThat(decision.expiresAt()).isEqualTo(at(expiresAt));
    }
}
