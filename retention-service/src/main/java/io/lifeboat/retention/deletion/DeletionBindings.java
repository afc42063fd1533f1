package io.lifeboat.retention.deletion;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.backup.BackupDeletionRequested;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Backup lifecycle events in; deletion requests are carried out, the rest is not this service's concern. */
@Configuration(proxyBeanMethods = false)
class DeletionBindings {

    @Bean
    Consumer<Message<byte[]>> backupEvents(BackupDeleter deleter) {
        return message -> {
            if (EventCodec.decode(message.getPayload()) instanceof BackupDeletionRequested request) {
                deleter.delete(request);
            }
        };
    }
}
