package io.lifeboat.scheduler.environments;

import io.lifeboat.contracts.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Project and environment events in. */
@Configuration(proxyBeanMethods = false)
class EnvironmentBindings {

    @Bean
    Consumer<Message<byte[]>> environmentEvents(EnvironmentCopy copy) {
        return message -> copy.apply(EventCodec.decode(message.getPayload()));
    }
}
