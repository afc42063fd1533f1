package io.lifeboat.restore.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Renews the lease of each running restore every {@code lease-renewal} until its run ends. */
@Component
class LeaseRenewals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewals.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("restore-leases").factory());
    private final RestoreLedger ledger;
    private final RestoreProperties properties;
    private final Clock clock;

    LeaseRenewals(RestoreLedger ledger, RestoreProperties properties, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps {@code owner}'s lease on a restore until the returned handle is closed. */
    Renewal keep(String restoreId, String owner) {
        long every = properties.leaseRenewal().toMillis();
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = timer.scheduleAtFixedRate(() -> {
            try {
                if (!ledger.renew(restoreId, owner, clock.instant(), properties.lease())) {
                    log.warn("restore {}: run {} lost its lease; it will not switch over", restoreId, owner);
                    task[0].cancel(false);
                }
            } catch (RuntimeException e) {
                log.warn("restore {}: renewing the lease of run {} failed: {}", restoreId, owner, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return () -> task[0].cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Stops renewing. */
    interface Renewal extends AutoCloseable {
        @Override
        void close();
    }
}
