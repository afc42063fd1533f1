package io.lifeboat.gateway.restore;

import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.restore.RestoreCompleted;
import io.lifeboat.contracts.restore.RestoreFailed;
import io.lifeboat.contracts.restore.RestoreStarted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Keeps restores current from the restore events. */
@Configuration(proxyBeanMethods = false)
class RestoreBindings {

    @Bean
    Consumer<Message<byte[]>> restoreEvents(RestoreStore store) {
        return message -> {
            switch (EventCodec.decode(message.getPayload())) {
                case RestoreStarted e -> store.started(e.restoreId(), e.occurredAt());
                case RestoreCompleted e -> store.completed(e.restoreId(), e.commitSha(), e.parts(), e.occurredAt());
                case RestoreFailed e -> store.failed(e.restoreId(), e.error(), e.targetState(), e.occurredAt());
                default -> {
                }
            }
        };
    }
}
