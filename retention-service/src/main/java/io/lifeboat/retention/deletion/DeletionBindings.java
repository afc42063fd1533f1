package io.lifeboat.retention.deletion;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import io.lifeboat.contracts.backup.BackupVerificationRequested;
import io.lifeboat.retention.verify.Verification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Backup lifecycle events in: deletions and verifications are carried out here. */
@Configuration(proxyBeanMethods = false)
class DeletionBindings {

    @Bean
    Consumer<Message<byte[]>> backupEvents(BackupDeleter deleter, Verification verification) {
        return message -> {
            switch (EventCodec.decode(message.getPayload())) {
                case BackupDeletionRequested request -> {
                    try {
                        deleter.delete(request);
                    } catch (RuntimeException e) {
                        // storage or database trouble: kept, and every pass retries it until it succeeds
                        deleter.retryLater(request, e);
                    }
                }
                case BackupVerificationRequested request -> verification.verify(request);
                default -> {
                }
            }
        };
    }
}
