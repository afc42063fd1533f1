package io.lifeboat.restore.job;

import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's claims, leases and deadlines, and the reaper that ends what overran them. */
class RestoreLedgerIntegrationTests {

    private final RestoreFixture fixture = RestoreFixture.shared();
    private final RestoreLedger ledger = fixture.ledger();


    @Test
    void aClaimIsExclusiveUntilItsLeaseLapses() {
        String id = recorded(fixture.scenario());
        assertThat(ledger.claim(id, "run-a", now(), RestoreFixture.LEASE)).isPresent();
        assertThat(ledger.claim(id, "run-b", now(), RestoreFixture.LEASE)).isEmpty();
        assertThat(ledger.find(id).orElseThrow().owner()).isEqualTo("run-a");

        fixture.clock.advance(RestoreFixture.LEASE);
        assertThat(ledger.claim(id, "run-b", now(), RestoreFixture.LEASE)).isPresent();
        assertThat(ledger.renew(id, "run-a", now(), RestoreFixture.LEASE)).isFalse();
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isFalse();
        assertThat(ledger.finish(id, "run-a", "COMPLETED", null, now())).isFalse();
        RestoreLedger.Restore restore = ledger.find(id).orElseThrow();
        assertThat(restore.owner()).isEqualTo("run-b");
        assertThat(restore.status()).isEqualTo("RUNNING");
        assertThat(restore.switchStartedAt()).isNull();
    }

    @Test
    void renewingKeepsTheClaimAndAnExpiredLeaseOpensNoSwitchOver() {
        String id = recorded(fixture.scenario());
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        for (int i = 0; i < 5; i++) {
            fixture.clock.advance(Duration.ofSeconds(100));
            assertThat(ledger.renew(id, "run-a", now(), RestoreFixture.LEASE)).isTrue();
            assertThat(ledger.claim(id, "run-b", now(), RestoreFixture.LEASE)).isEmpty();
        }
        fixture.clock.advance(RestoreFixture.LEASE);
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isFalse();
        assertThat(ledger.find(id).orElseThrow().switchStartedAt()).isNull();
    }

    @Test
    void aSwitchOverStartsOnceAndNoOtherRunClaimsTheRestoreAfterIt() {
        String id = recorded(fixture.scenario());
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isTrue();
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isFalse();
        fixture.clock.advance(RestoreFixture.LEASE);
        assertThat(ledger.claim(id, "run-b", now(), RestoreFixture.LEASE)).isEmpty();
        assertThat(ledger.find(id).orElseThrow().owner()).isEqualTo("run-a");
    }

    @Test
    void theReaperFailsARestorePastItsDeadlineExactlyOnce() {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = recorded(scenario);
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        Instant deadline = ledger.find(id).orElseThrow().deadline();

        fixture.clock.set(deadline.minusSeconds(1));
        assertThat(ledger.renew(id, "run-a", now(), RestoreFixture.LEASE)).isTrue();
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("RUNNING");

        fixture.clock.set(deadline);
        fixture.reaper().reap();
        fixture.reaper().reap();
        RestoreLedger.Restore restore = ledger.find(id).orElseThrow();
        assertThat(restore.status()).isEqualTo("FAILED");
        assertThat(fixture.published(id)).singleElement().isInstanceOfSatisfying(RestoreFailed.class, failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("timed out").contains(deadline.toString());
        });
        assertThat(ledger.finish(id, "run-a", "COMPLETED", null, now())).isFalse();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("FAILED");
    }

    @Test
    void theReaperFailsARestoreWhoseRunStoppedBeforeSwitchingAsUnchanged() {
        String id = recorded(fixture.scenario());
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("RUNNING");

        fixture.clock.advance(RestoreFixture.LEASE);
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(fixture.published(id)).singleElement().isInstanceOfSatisfying(RestoreFailed.class, failed -> {
            assertThat(failed.targetState()).isEqualTo("unchanged");
            assertThat(failed.error()).contains("before switching");
        });
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isFalse();
    }

    @Test
    void aSwitchOverUnderALiveLeaseFinishesEvenPastTheDeadline() {
        String id = recorded(fixture.scenario());
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        Instant deadline = ledger.find(id).orElseThrow().deadline();
        fixture.clock.set(deadline.minusSeconds(1));
        assertThat(ledger.renew(id, "run-a", now(), RestoreFixture.LEASE)).isTrue();
        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isTrue();
        fixture.clock.set(deadline.plusSeconds(1));
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("RUNNING");
        assertThat(ledger.finish(id, "run-a", "COMPLETED", null, now())).isTrue();
        assertThat(fixture.published(id)).noneMatch(RestoreFailed.class::isInstance);
    }

    @Test
    void theReaperFailsARestoreWhoseRunStoppedWhileSwitchingBeforeAnyPartSwitchedAsUnchanged() {
        String id = recorded(fixture.scenario());
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS);
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("RUNNING");

        fixture.clock.advance(RestoreFixture.LEASE);
        fixture.reaper().reap();
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(fixture.published(id)).singleElement().isInstanceOfSatisfying(RestoreFailed.class,
                failed -> assertThat(failed.targetState()).isEqualTo("unchanged"));
    }

    @Test
    void aFailedRestoreIsNeverSwitched() {
        RestoreFixture.Scenario scenario = fixture.scenario();
        String id = Ids.timeOrdered(fixture.clock);
        RestoreRequested request = scenario.request(id, now(), fixture.hooks.hooks());
        ledger.insert(request, now(), now().plus(RestoreFixture.TIMEOUT));
        ledger.claim(id, "run-a", now(), RestoreFixture.LEASE);
        assertThat(ledger.end(id, "FAILED", "given up", now())).isTrue();

        assertThat(ledger.startSwitch(id, "run-a", now(), RestoreFixture.PARTS)).isFalse();
        fixture.clock.advance(RestoreFixture.LEASE);
        fixture.job().run(request);

        assertThat(scenario.unchanged()).isTrue();
        assertThat(fixture.hooks.holds(id)).isEmpty();
        RestoreLedger.Restore restore = ledger.find(id).orElseThrow();
        assertThat(restore.status()).isEqualTo("FAILED");
        assertThat(restore.switchStartedAt()).isNull();
        assertThat(fixture.published(id)).isEmpty();
    }

    /** A restore recorded as its request arrived, with nobody running it yet. */
    private String recorded(RestoreFixture.Scenario scenario) {
        String id = Ids.timeOrdered(fixture.clock);
        assertThat(ledger.insert(scenario.request(id, now(), null), now(), now().plus(RestoreFixture.TIMEOUT)))
                .isTrue();
        return id;
    }

    private Instant now() {
        return fixture.clock.instant();
    }
}
