package io.lifeboat.gateway.activity;

import io.lifeboat.contracts.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Feeds the activity streams from every backup request, backup event and restore event (an anonymous
 * group: every instance sees every event). It never throws: a stream is a view, not a consumer of record.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivityProperties.class)
class ActivityBindings {

    private static final Logger log = LoggerFactory.getLogger(ActivityBindings.class);

    @Bean
    Consumer<Message<byte[]>> activity(ActivityHub hub) {
        return message -> {
            if (hub.idle()) {
                return;
            }
            try {
                Activity.of(EventCodec.decode(message.getPayload())).ifPresent(hub::publish);
            } catch (RuntimeException e) {
                log.debug("activity: skipped a record that is not a readable event: {}", e.getMessage());
            }
        };
    }
}
