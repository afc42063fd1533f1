package io.lifeboat.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetentionPropertiesTests {

    @Test
    void tombstonesAreKeptFromSevenDaysToSixMonths() {
        for (int days : new int[] {7, 30, 184}) {
            assertThat(properties(Duration.ofDays(days)).options().tombstoneRetention()).hasDays(days);
        }
        for (Duration outside : new Duration[] {Duration.ofDays(7).minusSeconds(1), Duration.ofDays(185)}) {
            assertThatIllegalArgumentException().isThrownBy(() -> properties(outside))
                    .withMessageContaining("lifeboat.retention.tombstone-retention")
                    .withMessageContaining("between 7 days and 6 months");
        }
    }

    @Test
    void intervalsMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetentionProperties(Duration.ZERO,
                Duration.ofDays(30), Duration.ofHours(6), Duration.ofHours(1)))
                .withMessageContaining("evaluate-interval");
    }

    static RetentionProperties properties(Duration tombstoneRetention) {
        return new RetentionProperties(Duration.ofMinutes(1), tombstoneRetention, Duration.ofHours(6),
                Duration.ofHours(1));
    }
}
