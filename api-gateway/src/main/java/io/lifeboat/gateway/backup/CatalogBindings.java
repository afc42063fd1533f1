package io.lifeboat.gateway.backup;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.backup.BackupCompleted;
import io.lifeboat.contracts.backup.BackupDeleted;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupFailed;
import io.lifeboat.contracts.backup.BackupPartCompleted;
import io.lifeboat.contracts.backup.BackupRecovered;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.contracts.backup.BackupRetentionAssessed;
import io.lifeboat.contracts.backup.BackupStarted;
import io.lifeboat.contracts.backup.BackupVerified;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Keeps the backup catalog current from the backup events. Every update is idempotent. */
@Configuration(proxyBeanMethods = false)
class CatalogBindings {

    /** Automated backups from the scheduler wait their environment's turn like any other operation. */
    @Bean
    Consumer<Message<byte[]>> scheduledBackups(Backups backups) {
        return message -> backups.scheduled(EventCodec.decode(message.getPayload(), BackupRequested.class));
    }

    @Bean
    Consumer<Message<byte[]>> backupEvents(BackupCatalog catalog) {
        return message -> {
            switch (EventCodec.decode(message.getPayload())) {
                case BackupStarted e -> catalog.started(e.backupId(), e.occurredAt());
                case BackupPartCompleted e -> catalog.partCompleted(e.backupId(), e.part(), e.occurredAt());
                case BackupCompleted e -> catalog.completed(e.backupId(), e.parts(), e.sizeBytes(), e.storedBytes(),
                        e.holdMillis(), e.skewMillis(), e.occurredAt());
                case BackupFailed e -> catalog.failed(e.backupId(), e.error(), e.parts(), e.occurredAt());
                case BackupDeleted e -> catalog.deleted(e.backupId(), e.occurredAt());
                case BackupVerified e -> catalog.verified(e.backupId(), e.passed(), e.chunksChecked(), e.bytesChecked(),
                        e.errors(), e.occurredAt());
                case BackupRecovered e -> catalog.recovered(e);
                case BackupRetentionAssessed e -> catalog.retained(e.backupId(), e.expiresAt(), e.reasons(),
                        e.occurredAt());
                case BackupDeletionRequested e -> catalog.markDeleting(e.backupId(), e.occurredAt());
                default -> {
                }
            }
        };
    }
}
