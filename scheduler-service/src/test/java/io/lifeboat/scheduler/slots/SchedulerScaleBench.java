package io.lifeboat.scheduler.slots;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.contracts.environment.EnvironmentUpserted;
import io.lifeboat.contracts.environment.ProjectUpserted;
import io.lifeboat.scheduler.environments.EnvironmentCopy;
import io.lifeboat.support.events.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the test suite (bench/scheduler.sh runs it): one night's slot for 10,000 production
 * environments in one time zone, with two scheduler instances ticking at once; how long emitting takes, and
 * that no slot is duplicated or lost.
 */
class SchedulerScaleBench extends AutomatedBackupsIntegrationTests {

    static final int ENVIRONMENTS = Integer.getInteger("lifeboat.bench.environments", 10_000);

    @Test
    void oneNightFor10000Environments() throws Exception {
        var a = start();
        var b = start();
        EnvironmentCopy copy = a.getBean(EnvironmentCopy.class);
        for (int i = 0; i < ENVIRONMENTS; i++) {
            String project = "p" + i;
            copy.apply(new ProjectUpserted(Ids.eventId(), clock.instant(), project, "enterprise", "production",
                    "Europe/Paris", "advanced"));
            copy.apply(new EnvironmentUpserted(Ids.eventId(), clock.instant(), new EnvironmentRef(project, "main"),
                    "production", "active", "abc1234", List.of(new PartSpec("code", "code",
                    Map.of("commit", "abc1234"), null))));
        }
        clock.advance(Duration.ofHours(5).plusMinutes(1));
        long start = System.nanoTime();
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> ticker(a).tick());
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> ticker(b).tick());
        int fired = first.join() + second.join();
        long decided = System.nanoTime();
        JdbcTemplate jdbc = jdbc(a);
        while (jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class) > 0) {
            a.getBean(OutboxRelay.class).drain();
        }
        long published = System.nanoTime();
        assertThat(fired).isEqualTo(ENVIRONMENTS);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT slot_key) FROM slots WHERE slot_key LIKE '%@2026-01-01T%'",
                Integer.class)).isEqualTo(ENVIRONMENTS);
        String result = "{\"environments\":%d,\"fired\":%d,\"decide_ms\":%d,\"publish_ms\":%d}%n".formatted(
                ENVIRONMENTS, fired, (decided - start) / 1_000_000, (published - start) / 1_000_000);
        Files.writeString(Path.of("target", "scheduler-bench.json"), result);
        System.out.print(result);
    }
}
