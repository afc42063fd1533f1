package io.lifeboat.cli.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTests {

    static final long MIB = 1024 * 1024;

    @Test
    void halfwayShowsAHalfFullBarThePercentageTheBytesAndTheTimeLeft() {
        String line = ProgressBar.line("database", 50 * MIB, 100 * MIB, Duration.ofSeconds(10), 100);

        assertThat(line).isEqualTo("database  [###############...............]  50%  50.0 MiB / 100.0 MiB  ETA 10s");
    }

    @Test
    void theLineNeverExceedsTheWidthAndDropsTheBarFirst() {
        String narrow = ProgressBar.line("uploads", 3 * MIB, 4 * MIB, Duration.ofSeconds(30), 45);
        String tiny = ProgressBar.line("uploads", 3 * MIB, 4 * MIB, Duration.ofSeconds(30), 20);

        assertThat(narrow).isEqualTo("uploads  75%  3.0 MiB / 4.0 MiB  ETA 10s").hasSizeLessThanOrEqualTo(45);
        assertThat(tiny).hasSize(20).startsWith("uploads  75%");
    }

    @Test
    void theTimeLeftIsUnknownBeforeTheFirstByteAndZeroAtTheEnd() {
        assertThat(ProgressBar.line("code", 0, MIB, Duration.ofSeconds(3), 80)).endsWith("0%  0 B / 1.0 MiB  ETA --");
        assertThat(ProgressBar.line("code", 2 * MIB, MIB, Duration.ofSeconds(3), 80))
                .contains("[##############################]  100%").endsWith("ETA 0s");
        assertThat(ProgressBar.eta(MIB, 4 * MIB, Duration.ofMinutes(1))).isEqualTo("3m00s");
    }

    @Test
    void withoutATotalItShowsTheBytesReadIfAnyAndTheTimeSpent() {
        assertThat(ProgressBar.line("in progress", 5 * MIB, 0, Duration.ofSeconds(75), 80))
                .isEqualTo("in progress  5.0 MiB  1m15s");
        assertThat(ProgressBar.line("holding writes", 0, 0, Duration.ofSeconds(2), 80)).isEqualTo("holding writes  2s");
    }
}
