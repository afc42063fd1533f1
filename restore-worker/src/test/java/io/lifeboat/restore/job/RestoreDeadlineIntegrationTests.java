package io.lifeboat.restore.job;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restore's deadline is its request's {@code occurred_at} plus {@code lifeboat.restore.timeout}, stored once:
 * redeliveries and the reaper use it, and nothing counts it again from the time a request arrives.
 */
class RestoreDeadlineIntegrationTests {

    private final RestoreFixture fixture = RestoreFixture.shared();


    @Test
    void theDeadlineCountsFromWhenTheRestoreWasRequested() {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        Instant requested = fixture.clock.instant().minus(Duration.ofHours(1));

        fixture.job().run(scenario.request(id, requested, null));

        assertThat(fixture.ledger().find(id).orElseThrow().deadline()).isEqualTo(requested.plus(RestoreFixture.TIMEOUT));
        assertThat(scenario.restored()).isTrue();
        assertThat(fixture.published(id)).extracting(Event::getClass)
                .containsExactly(RestoreStarted.class, RestoreCompleted.class);
    }

    @Test
    void aRequestThatArrivesAfterItsDeadlineRestoresNothingAndTheReaperFailsIt() {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        Instant requested = fixture.clock.instant().minus(RestoreFixture.TIMEOUT).minusSeconds(1);

        fixture.job().run(scenario.request(id, requested, fixture.hooks.hooks()));

        assertThat(scenario.unchanged()).isTrue();
        assertThat(fixture.hooks.holds(id)).isEmpty();
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("RUNNING");
        fixture.reaper().reap();
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(fixture.published(id)).filteredOn(RestoreFailed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((RestoreFailed) e).targetState()).isEqualTo("unchanged"));
        assertThat(scenario.unchanged()).isTrue();
    }

    @Test
    void aRedeliveryKeepsTheFirstDeadlineAndStopsBeforeSwitchingWhenItPasses() throws Exception {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        Instant requested = fixture.clock.instant();
        RestoreRequested request = scenario.request(id, requested, fixture.hooks.hooks());
        // the first delivery's run claimed the restore, then its worker died
        fixture.ledger().insert(request, fixture.clock.instant(), requested.plus(RestoreFixture.TIMEOUT));
        assertThat(fixture.ledger().claim(id, "a-worker-that-died", fixture.clock.instant(), RestoreFixture.LEASE))
                .isPresent();

        fixture.clock.advance(RestoreFixture.TIMEOUT.minusMinutes(1));
        fixture.hooks.blockHolds(id);
        CompletableFuture<Void> redelivery = CompletableFuture.runAsync(() -> fixture.job().run(request));
        await().atMost(Duration.ofMinutes(2)).until(() -> fixture.hooks.holds(id).size() == 1);
        RestoreLedger.Restore claimed = fixture.ledger().find(id).orElseThrow();
        assertThat(claimed.owner()).isNotEqualTo("a-worker-that-died");
        assertThat(claimed.deadline()).isEqualTo(requested.plus(RestoreFixture.TIMEOUT));

        fixture.clock.advance(Duration.ofSeconds(90)); // past the deadline; the lease still holds
        fixture.hooks.letHold(id);
        redelivery.get();

        assertThat(scenario.unchanged()).isTrue();
        assertThat(fixture.hooks.releases(id)).hasSize(1);
        RestoreLedger.Restore ended = fixture.ledger().find(id).orElseThrow();
        assertThat(ended.status()).isEqualTo("FAILED");
        assertThat(ended.switchStartedAt()).isNull();
        assertThat(fixture.published(id)).singleElement().isInstanceOfSatisfying(RestoreFailed.class, failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("before switching over");
        });
        fixture.reaper().reap();
        assertThat(fixture.published(id)).hasSize(1);
    }
}
