package io.lifeboat.gateway.backup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * No verification stays running forever: one whose result did not come within
 * {@code lifeboat.gateway.verification-timeout} (6 h, longer than retention takes to read a backup) ends as
 * failed, saying so, and {@code backup.verified} with {@code passed: false} tells the dashboards.
 */
@Configuration(proxyBeanMethods = false)
class VerificationSweeper {

    private final BackupCatalog catalog;
    private final Clock clock;
    private final Duration timeout;

    VerificationSweeper(BackupCatalog catalog, Clock clock,
                        @Value("${lifeboat.gateway.verification-timeout:6h}") Duration timeout) {
        this.catalog = catalog;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Scheduled(fixedDelayString = "${lifeboat.gateway.verification-sweep:1m}",
            initialDelayString = "${lifeboat.gateway.verification-sweep:1m}")
    void sweep() {
        String reason = "no verification result within " + timeout.toString().substring(2).toLowerCase()
                + "; Lifeboat gave up waiting: verify the backup again";
        for (String id : catalog.verificationsRequestedBefore(clock.instant().minus(timeout))) {
            catalog.verificationTimedOut(id, reason);
        }
    }
}
