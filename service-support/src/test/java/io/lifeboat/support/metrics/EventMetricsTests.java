package io.lifeboat.support.metrics;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.restore.RestoreFailed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.lifeboat.support.metrics.Lifecycles.T0;
import static io.lifeboat.support.metrics.Lifecycles.backupId;
import static io.lifeboat.support.metrics.Lifecycles.part;
import static org.assertj.core.api.Assertions.assertThat;

class EventMetricsTests {

    final Lifecycles lifecycles = new Lifecycles(500);
    final EnvironmentRef acme = new EnvironmentRef("acme", "main");

    @Test
    void aConsistentBackupCountsItsAttemptSuccessDurationHoldAndBytesByPartType() {
        lifecycles.backup(acme, backupId(T0), T0, T0.plusSeconds(90), 12L, 3,
                List.of(part("db", "postgresql", 1000, 250), part("files", "mount", 300, 100)));
        Scrape scrape = lifecycles.scrape();
        String[] env = {"project", "acme", "environment", "main"};
        assertThat(scrape.value("lifeboat_backup_attempt_total", env)).isEqualTo(1);
        assertThat(scrape.value("lifeboat_backup_success_total", env)).isEqualTo(1);
        assertThat(scrape.value("lifeboat_backup_last_successful_timestamp", env))
                .isEqualTo(T0.plusSeconds(90).getEpochSecond());
        assertThat(scrape.value("lifeboat_backup_duration_seconds_sum", env)).isEqualTo(90);
        // 90 s falls in the 2 min bucket, not in the 1 min one
        assertThat(scrape.value("lifeboat_backup_duration_seconds_bucket", "le", "60.0")).isZero();
        assertThat(scrape.value("lifeboat_backup_duration_seconds_bucket", "le", "120.0")).isEqualTo(1);
        assertThat(scrape.value("lifeboat_backup_hold_seconds_sum", env)).isEqualTo(0.012);
        assertThat(scrape.find("lifeboat_backup_skew_seconds_count")).as("a consistent backup has a hold").isEmpty();
        assertThat(scrape.value("lifeboat_backup_read_bytes_total", "part_type", "postgresql")).isEqualTo(1000);
        assertThat(scrape.value("lifeboat_backup_stored_bytes_total", "part_type", "postgresql")).isEqualTo(250);
        assertThat(scrape.value("lifeboat_backup_read_bytes_total", "part_type", "mount")).isEqualTo(300);
        assertThat(scrape.value("lifeboat_backup_running")).isZero();
    }

    @Test
    void aLiveBackupCountsItsSkew() {
        lifecycles.backup(acme, backupId(T0), T0, T0.plusSeconds(5), null, 40, List.of(part("db", "redis", 1, 1)));
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_backup_skew_seconds_sum", "project", "acme")).isEqualTo(0.04);
        assertThat(scrape.find("lifeboat_backup_hold_seconds_count")).isEmpty();
    }

    @Test
    void aWorkerThatRestartedMidBackupTakesTheDurationFromTheBackupId() {
        EventMetrics restarted = lifecycles.metrics;
        String id = backupId(T0.minusSeconds(600));
        // no backup.started seen by this instance
        restarted.published(Topics.BACKUP_EVENTS, new io.lifeboat.contracts.backup.BackupCompleted(Ids.eventId(), T0,
                id, acme, false, false, null, List.of(), 0, 0, null, 0));
        assertThat(lifecycles.scrape().value("lifeboat_backup_duration_seconds_sum")).isEqualTo(600);
    }

    @Test
    void aRunningBackupShowsHowLongItHasRunAgainstItsDeadline() {
        lifecycles.metrics.published(Topics.BACKUP_EVENTS, new BackupStarted(Ids.eventId(), T0, backupId(T0), acme));
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_backup_running")).isEqualTo(1);
        // the clock stands one hour after T0
        assertThat(scrape.value("lifeboat_backup_running_longest_seconds")).isEqualTo(3600);
        assertThat(scrape.value("lifeboat_backup_deadline_seconds")).isEqualTo(6 * 3600);
        assertThat(scrape.value("lifeboat_restore_deadline_seconds")).isEqualTo(5 * 3600);
    }

    @Test
    void aFailureCountsUnderTheClassOfItsReasonNeverItsText() {
        List<String> errors = List.of("part db: connection refused",
                "timed out: the backup did not complete before its deadline",
                "the environment could not be held: hook answered 500",
                "the workers of parts [db] stopped reporting",
                "the backup could not be committed: quorum not reached",
                "environment acme/main was deactivated before this operation started",
                "no result within 7 h; Lifeboat gave up on it",
                "the environment has no parts to back up",
                "something nobody foresaw");
        errors.forEach(error -> lifecycles.failedBackup(acme, error, List.of(new PartResult("db", "mariadb",
                PartResult.PartStatus.FAILED, 0, 0, null, "boom"))));
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.labelValues("lifeboat_backup_failure_total", "reason")).containsExactlyInAnyOrder(
                "part", "deadline", "hold", "worker-lost", "storage", "cancelled", "abandoned", "empty", "other");
        assertThat(FailureReasons.ALL).containsAll(scrape.labelValues("lifeboat_backup_failure_total", "reason"));
        assertThat(scrape.value("lifeboat_backup_part_failure_total", "part_type", "mariadb")).isEqualTo(9);
        assertThat(lifecycles.registry.scrape()).doesNotContain("connection refused", "hook answered");
    }

    @Test
    void aRestoreCountsByTargetAndAFailedOneSaysWhatTheTargetHolds() {
        lifecycles.everything();
        lifecycles.metrics.published(Topics.RESTORE_EVENTS, new RestoreFailed(Ids.eventId(), T0, backupId(T0),
                backupId(T0), acme, "timed out", "unchanged"));
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_restore_attempt_total", "project", "acme")).isEqualTo(1);
        assertThat(scrape.value("lifeboat_restore_success_total", "project", "acme")).isEqualTo(1);
        assertThat(scrape.value("lifeboat_restore_duration_seconds_sum")).isEqualTo(30);
        assertThat(scrape.value("lifeboat_restore_bytes_total", "part_type", "postgresql")).isEqualTo(1000);
        assertThat(scrape.value("lifeboat_restore_failure_total", "reason", "part", "target_state", "partial"))
                .isEqualTo(1);
        assertThat(scrape.value("lifeboat_restore_failure_total", "reason", "deadline", "target_state", "unchanged"))
                .isEqualTo(1);
    }

    @Test
    void aSlotFiredPastItsSpreadAndTwoTicksIsLate() {
        lifecycles.slot(acme, T0, T0.plus(Lifecycles.SPREAD).plusSeconds(59));
        lifecycles.slot(new EnvironmentRef("acme", "other-env"), T0, T0.plus(Lifecycles.SPREAD).plusSeconds(61));
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_scheduler_slots_fired_total")).isEqualTo(2);
        assertThat(scrape.value("lifeboat_scheduler_slots_late_total")).isEqualTo(1);
        assertThat(scrape.value("lifeboat_scheduler_last_slot_timestamp", "environment", "main"))
                .isEqualTo(T0.getEpochSecond());
        assertThat(scrape.value("lifeboat_scheduler_slot_delay_seconds_count")).isEqualTo(2);
    }

    @Test
    void theLatestVerificationSaysWhetherItPassedAndWhenOnePassedLast() {
        lifecycles.verified(acme, T0, true);
        lifecycles.verified(acme, T0.plusSeconds(60), false);
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_backup_verification_passed", "project", "acme")).isZero();
        assertThat(scrape.value("lifeboat_backup_last_verified_timestamp", "project", "acme"))
                .isEqualTo(T0.getEpochSecond());
        assertThat(scrape.value("lifeboat_backup_verification_total", "result", "failed")).isEqualTo(1);
        assertThat(scrape.value("lifeboat_backup_verification_total", "result", "passed")).isEqualTo(1);
    }

    @Test
    void environmentsPastTheBoundCountTogetherAsOther() {
        Lifecycles bounded = new Lifecycles(2);
        for (int i = 0; i < 5; i++) {
            EnvironmentRef env = new EnvironmentRef("p" + i, "main");
            bounded.backup(env, backupId(T0), T0, T0.plusSeconds(1), null, 0, List.of(part("db", "type" + i, 1, 1)));
        }
        for (int i = 0; i < 20; i++) {
            bounded.backup(new EnvironmentRef("p0", "main"), backupId(T0), T0, T0.plusSeconds(1), null, 0,
                    List.of(part("db", "type" + i, 1, 1)));
        }
        Scrape scrape = bounded.scrape();
        assertThat(scrape.labelValues("lifeboat_backup_success_total", "project")).containsExactly("other", "p0", "p1");
        assertThat(scrape.value("lifeboat_backup_success_total", "project", "other", "environment", "other"))
                .isEqualTo(3);
        assertThat(scrape.labelValues("lifeboat_backup_read_bytes_total", "part_type"))
                .hasSize(EnvironmentTags.PART_TYPES + 1).contains("other");
    }
}
