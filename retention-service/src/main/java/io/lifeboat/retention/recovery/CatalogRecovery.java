package io.lifeboat.retention.recovery;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.PartResult;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.support.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * {@code --lifeboat.recover-catalog=true}: rebuilds the list of backups after the catalog database was lost.
 * Reads every backup manifest in object storage, publishes {@code backup.recovered} for each (the gateway
 * adds those it misses), then exits.
 */
@Component
@ConditionalOnProperty("lifeboat.recover-catalog")
class CatalogRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogRecovery.class);

    private final Repository repository;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    CatalogRecovery(Repository repository, EventPublisher publisher, Clock clock,
                    ConfigurableApplicationContext context) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<BackupManifest> backups = repository.listBackups();
        for (BackupManifest backup : backups) {
            List<PartResult> parts = backup.parts().stream().map(p -> new PartResult(p.name(), p.type(),
                    PartResult.PartStatus.COMPLETED, p.bytes(), p.storedBytes(), p.pointInTime(), null)).toList();
            publisher.publish(Topics.BACKUP_EVENTS, new BackupRecovered(Ids.eventId(), clock.instant(),
                    backup.backupId(), new EnvironmentRef(backup.project(), backup.environment()), backup.safe(),
                    backup.automated(), backup.trigger(), backup.commitSha(), backup.createdAt(),
                    backup.completedAt(), parts, backup.bytes(),
                    parts.stream().mapToLong(PartResult::storedBytes).sum(), backup.holdMillis(),
                    backup.skewMillis()));
        }
        log.info("catalog recovery: published {} backups found in storage", backups.size());
        System.out.println("catalog recovery: published " + backups.size() + " backups found in storage");
        SpringApplication.exit(context, () -> 0);
    }
}
