package io.lifeboat.snapshot.coordinator;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.backup.BackupRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupDeadlinesTests {

    @Test
    void theDeadlineCountsFromWhenTheBackupWasRequested() {
        Instant requested = Instant.parse("2026-12-01T02:00:00Z");
        BackupRequested request = new BackupRequested(UUID.randomUUID(), requested, "b1",
                new EnvironmentRef("acme", "main"), false, false, "api", null, List.of(), null);
        BackupDeadlines deadlines = new BackupDeadlines(Duration.ofHours(6), Duration.ofHours(7));
        assertThat(deadlines.deadline(request)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void theWorkerRefusesToStartUnlessTheGatewayWaitsLongerThanItsDeadline() {
        for (Duration gateway : List.of(Duration.ofHours(6), Duration.ofHours(5))) {
            assertThatThrownBy(() -> new BackupDeadlines(Duration.ofHours(6), gateway))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lifeboat.gateway.operation-timeout (" + gateway + ")")
                    .hasMessageContaining("lifeboat.snapshot.timeout (PT6H)");
        }
        assertThat(new BackupDeadlines(Duration.ofHours(6), Duration.ofHours(6).plusSeconds(1)).timeout())
                .isEqualTo(Duration.ofHours(6));
    }
}
