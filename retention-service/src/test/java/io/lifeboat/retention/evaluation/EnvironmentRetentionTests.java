package io.lifeboat.retention.evaluation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.retention.RetentionProperties;
import io.lifeboat.retention.evaluation.Subject.Backup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** The decisions on one environment, from what the copy knows; no database, no Kafka. */
class EnvironmentRetentionTests {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant DELETED = T0.plus(Duration.ofDays(1));
    static final RetentionProperties PROPERTIES = new RetentionProperties(Duration.ofMinutes(1), Duration.ofDays(30),
            Duration.ofHours(6), Duration.ofHours(1));
    static final EnvironmentRef REF = new EnvironmentRef("acme", "staging");
    static final Subject.Project PROJECT = new Subject.Project("production", "Europe/Paris", "basic", null);
    static final Subject.Project DELETED_PROJECT = new Subject.Project("production", "Europe/Paris", "basic", DELETED);
    static final Subject.Environment ACTIVE = new Subject.Environment("staging", "active", null);

    @Test
    void aRunningManualBackupIsNotCountedSoItReplacesNothingYet() {
        var verdicts = decide(PROJECT, ACTIVE, T0.plusSeconds(30), manual("m1", 0), manual("m2", 1),
                running("m3", 2, "api"));
        assertThat(verdicts).extracting(Verdict::backupId).containsExactly("m1", "m2");
        assertThat(verdicts).allMatch(Verdict::kept);
    }

    @Test
    void aReplacedManualBackupIsDeletedAsReplacedAndAnAutomatedOneAsExpired() {
        var verdicts = decide(PROJECT, ACTIVE, T0.plusSeconds(30), manual("m1", 0), manual("m2", 1),
                manual("m3", 2), new Backup("a1", "COMPLETED", true, "schedule", T0.minus(Duration.ofDays(5))));
        assertThat(verdicts).filteredOn(v -> !v.kept()).extracting(Verdict::backupId, Verdict::deletionReason)
                .containsExactlyInAnyOrder(tuple("m1", "replaced"),
                        tuple("a1", "expired"));
    }

    @Test
    void aDevelopmentPlanMakesEvenProductionAPreviewEnvironmentWhoseAutomatedBackupsAgeOutOnTheCycle() {
        var development = new Subject.Project("development", "UTC", "advanced", null);
        var production = new Subject.Environment("production", "active", null);
        var verdicts = decide(development, production, T0.plusSeconds(60),
                new Backup("a1", "COMPLETED", true, "schedule", T0), manual("m1", 0), manual("m2", 1),
                manual("m3", 2));
        assertThat(verdicts).filteredOn(v -> !v.kept()).extracting(Verdict::backupId).containsExactly("m1");
        assertThat(verdicts).filteredOn(v -> v.backupId().equals("a1")).singleElement()
                .satisfies(v -> assertThat(v.reasons()).startsWith("daily 2026-03-02"));
    }

    @Test
    void nothingIsDecidedBeforeTheProjectAndEnvironmentAreKnownAndAnUnknownPolicyIsAnError() {
        assertThat(decide(null, ACTIVE, T0, manual("m1", 0))).isEmpty();
        assertThat(decide(PROJECT, null, T0, manual("m1", 0))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> decide(new Subject.Project("production", "UTC",
                "platinum", null), ACTIVE, T0, manual("m1", 0))).withMessageContaining("platinum");
    }

    @Test
    void aDeletedEnvironmentLosesEveryBackupButItsTombstonesAndWaitsForARunningTombstone() {
        var deleted = new Subject.Environment("staging", "active", DELETED);
        Backup tombstone = new Backup("t1", "COMPLETED", false, "tombstone", DELETED);
        assertThat(decide(PROJECT, deleted, DELETED, manual("m1", 0), running("t2", 60 * 24, "tombstone")))
                .isEmpty();
        assertThat(decide(PROJECT, deleted, DELETED, manual("m1", 0), tombstone))
                .extracting(Verdict::backupId, Verdict::deletionReason).containsExactlyInAnyOrder(
                        tuple("t1", null),
                        tuple("m1", "environment-deleted"));
    }

    @Test
    void aDeletedProjectWaitsWhileItsTombstoneRunsThenKeepsItAndDeletesTheRest() {
        Backup running = running("t1", 60 * 24, "tombstone");
        assertThat(decide(DELETED_PROJECT, ACTIVE, DELETED, manual("m1", 0), running)).isEmpty();
        Backup completed = new Backup("t1", "COMPLETED", false, "tombstone", running.createdAt());
        var verdicts = decide(DELETED_PROJECT, ACTIVE, DELETED, manual("m1", 0), completed);
        assertThat(verdicts).filteredOn(Verdict::kept).singleElement().satisfies(v -> {
            assertThat(v.backupId()).isEqualTo("t1");
            assertThat(v.reasons()).containsExactly("tombstone until 2026-04-02");
            assertThat(v.expiresAt()).isEqualTo(completed.createdAt().plus(Duration.ofDays(30)));
        });
        assertThat(verdicts).filteredOn(v -> !v.kept()).extracting(Verdict::deletionReason)
                .containsExactly("project-deleted");
    }

    @Test
    void withoutAFinalBackupTheNewestStandsInForItCountedFromTheProjectsDeletion() {
        Backup failed = new Backup("t1", "FAILED", false, "tombstone", DELETED);
        assertThat(fallback(decide(DELETED_PROJECT, ACTIVE, DELETED, manual("m1", 0), manual("m2", 1), failed)))
                .containsExactly("tombstone until 2026-04-02", "kept as the tombstone: the final backup failed");

        var inactive = new Subject.Environment("staging", "inactive", null);
        assertThat(fallback(decide(DELETED_PROJECT, inactive, DELETED, manual("m1", 0), manual("m2", 1))))
                .containsExactly("tombstone until 2026-04-02",
                        "kept as the tombstone: the environment was inactive, so no final backup was taken");

        assertThat(decide(DELETED_PROJECT, ACTIVE, DELETED.plus(Duration.ofMinutes(59)), manual("m1", 0),
                manual("m2", 1))).isEmpty();
        assertThat(fallback(decide(DELETED_PROJECT, ACTIVE, DELETED.plus(Duration.ofHours(1)), manual("m1", 0),
                manual("m2", 1)))).containsExactly("tombstone until 2026-04-02",
                "kept as the tombstone: no final backup was requested");
    }

    @Test
    void aTombstoneOfAnEarlierDeletionIsNotThisDeletionsFinalBackup() {
        Backup old = new Backup("t0", "COMPLETED", false, "tombstone", DELETED.minus(Duration.ofDays(2)));
        var verdicts = decide(DELETED_PROJECT, ACTIVE, DELETED, manual("m1", 0), old);
        assertThat(verdicts).isEmpty();
    }

    /** The stand-in's reasons; every other backup is deleted. */
    static List<String> fallback(List<Verdict> verdicts) {
        assertThat(verdicts).filteredOn(v -> !v.kept()).extracting(Verdict::backupId).containsExactly("m1");
        return verdicts.stream().filter(v -> v.backupId().equals("m2")).findFirst().orElseThrow().reasons();
    }

    static Backup manual(String id, int minutes) {
        return new Backup(id, "COMPLETED", false, "api", T0.plus(Duration.ofMinutes(minutes)));
    }

    static Backup running(String id, int minutes, String trigger) {
        return new Backup(id, "REQUESTED", false, trigger, T0.plus(Duration.ofMinutes(minutes)));
    }

    static List<Verdict> decide(Subject.Project project, Subject.Environment environment, Instant now,
                                Backup... backups) {
        return EnvironmentRetention.decide(new Subject(REF, project, environment, List.of(backups)), now, PROPERTIES);
    }
}
