package io.lifeboat.retention.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static io.lifeboat.retention.policy.Backups.PARIS;
import static io.lifeboat.retention.policy.Backups.at;
import static io.lifeboat.retention.policy.Backups.manual;
import static io.lifeboat.retention.policy.Backups.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TombstoneTests {

    static final RetentionOptions TEN_DAYS = new RetentionOptions(Duration.ofDays(10));

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "P6DT23H59M", "P185D", "-P30D"})
    void retentionOutsideSevenDaysToSixMonthsIsRefused(String duration) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetentionOptions(Duration.parse(duration)))
                .withMessageContaining("7 days to 6 months");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P7D", "P30D", "P184D"})
    void retentionFromSevenDaysToSixMonthsIsAccepted(String duration) {
        assertThat(new RetentionOptions(Duration.parse(duration)).tombstoneRetention())
                .isEqualTo(Duration.parse(duration));
    }

    @Test
    void tombstonesAreKeptForTheirPeriodWhateverThePolicyOrEnvironment() {
        List<BackupFacts> backups = List.of(tombstone("t", "2026-11-25T04:00"),
                new BackupFacts("manual-tombstone", at("2026-11-25T04:00"), false, BackupFacts.TOMBSTONE));
        for (EnvironmentKind kind : EnvironmentKind.values()) {
            Evaluation evaluation = RetentionEngine.evaluate(Policy.BASIC, kind, backups, at("2026-12-05T03:59"),
                    PARIS, TEN_DAYS);
            assertThat(evaluation.kept()).containsExactlyInAnyOrder("t", "manual-tombstone");
            assertThat(evaluation.decision("t").reasons()).containsExactly("tombstone until 2026-12-05");
            assertThat(evaluation.decision("t").expiresAt()).isEqualTo(at("2026-12-05T04:00"));
        }
        Evaluation later = RetentionEngine.evaluate(Policy.BASIC, EnvironmentKind.PRODUCTION, backups,
                at("2026-12-05T04:00"), PARIS, TEN_DAYS);
        assertThat(later.expired()).containsExactlyInAnyOrder("t", "manual-tombstone");
        assertThat(later.decision("t").reasons()).containsExactly("expired: tombstone retention ended 2026-12-05");
    }

    @Test
    void tombstonesDoNotUseUpTheManualAllowance() {
        List<BackupFacts> backups = List.of(manual("m1", "2026-11-20T12:00"), manual("m2", "2026-11-21T12:00"),
                new BackupFacts("t", at("2026-11-25T04:00"), false, BackupFacts.TOMBSTONE));
        Evaluation evaluation = RetentionEngine.evaluate(Policy.BASIC, EnvironmentKind.PREVIEW, backups,
                at("2026-11-25T05:00"), PARIS);
        assertThat(evaluation.kept()).containsExactly("m1", "m2", "t");
    }

    @Test
    void theDefaultRetentionIsThirtyDays() {
        Evaluation evaluation = RetentionEngine.evaluate(Policy.PREMIUM, EnvironmentKind.PRODUCTION,
                List.of(tombstone("t", "2026-11-25T04:00")), at("2026-11-25T05:00"), PARIS);
        assertThat(evaluation.decision("t").expiresAt()).isEqualTo(at("2026-12-25T04:00"));
    }
}
