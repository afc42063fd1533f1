package io.lifeboat.restore.job;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreRequested;
import io.lifeboat.contracts.restore.RestoreStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run claims its restore with a lease; a second delivery of the same restore meanwhile (to this worker or
 * another) runs nothing, and a run switches over only while it still owns the restore.
 */
class RestoreClaimIntegrationTests {

    private final RestoreFixture fixture = RestoreFixture.shared();


    @Test
    void aRedeliveryWhileTheFirstRunHoldsTheLeaseRunsNothingAndTheRestoreSwitchesOnce() throws Exception {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        RestoreRequested request = scenario.request(id, fixture.clock.instant(), fixture.hooks.hooks());
        fixture.hooks.blockHolds(id);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> fixture.job().run(request));
        await().atMost(Duration.ofMinutes(2)).until(() -> fixture.hooks.holds(id).size() == 1);

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> fixture.job().run(request));
        second.get();
        fixture.job().run(request);
        assertThat(fixture.hooks.holds(id)).hasSize(1);
        assertThat(scenario.unchanged()).isTrue();

        fixture.hooks.letHold(id);
        first.get();
        fixture.job().run(request);

        assertThat(scenario.restored()).isTrue();
        assertThat(fixture.hooks.holds(id)).hasSize(1);
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(fixture.published(id)).extracting(Event::getClass)
                .containsExactly(RestoreStarted.class, RestoreCompleted.class);
    }

    @Test
    void concurrentDeliveriesSwitchOnce() throws Exception {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        RestoreRequested request = scenario.request(id, fixture.clock.instant(), fixture.hooks.hooks());
        CompletableFuture<?>[] runs = new CompletableFuture<?>[4];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = CompletableFuture.runAsync(() -> fixture.job().run(request));
        }
        CompletableFuture.allOf(runs).get();

        assertThat(scenario.restored()).isTrue();
        assertThat(fixture.hooks.holds(id)).hasSize(1);
        assertThat(fixture.ledger().find(id).orElseThrow().status()).isEqualTo("COMPLETED");
        assertThat(fixture.published(id)).extracting(Event::getClass)
                .containsExactly(RestoreStarted.class, RestoreCompleted.class);
    }

    @Test
    void aRunWhoseLeaseWasTakenOverSwitchesNothingAndReportsNothing() throws Exception {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        RestoreRequested request = scenario.request(id, fixture.clock.instant(), fixture.hooks.hooks());
        fixture.hooks.blockHolds(id);
        CompletableFuture<Void> stalled = CompletableFuture.runAsync(() -> fixture.job().run(request));
        await().atMost(Duration.ofMinutes(2)).until(() -> fixture.hooks.holds(id).size() == 1);

        // the stalled run's lease lapses and another run claims the restore
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            fixture.clock.advance(RestoreFixture.LEASE.plusSeconds(1));
            return fixture.ledger().claim(id, "the-run-that-took-over", fixture.clock.instant(),
                    RestoreFixture.LEASE).isPresent();
        });
        fixture.hooks.letHold(id);
        stalled.get();

        assertThat(scenario.unchanged()).isTrue();
        assertThat(fixture.hooks.releases(id)).hasSize(1);
        RestoreLedger.Restore restore = fixture.ledger().find(id).orElseThrow();
        assertThat(restore.status()).isEqualTo("RUNNING");
        assertThat(restore.owner()).isEqualTo("the-run-that-took-over");
        assertThat(restore.switchStartedAt()).isNull();
        assertThat(fixture.published(id)).extracting(Event::getClass).containsExactly(RestoreStarted.class);
    }
}
