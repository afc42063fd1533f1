package io.lifeboat.gateway.platform;

import io.lifeboat.contracts.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Reads the platform's topic; an event that cannot be read goes to the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class PlatformBindings {

    @Bean
    Consumer<Message<byte[]>> platformRequests(PlatformIntake intake) {
        return message -> intake.handle(EventCodec.decode(message.getPayload()));
    }
}
