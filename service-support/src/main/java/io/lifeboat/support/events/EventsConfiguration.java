package io.lifeboat.support.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Event publishing for a service with a database: a clock, the publisher, the outbox and its relay. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge bridge, @Value("${lifeboat.kafka.namespace:}") String namespace,
                                  ObjectProvider<PublishedEvents> published) {
        return new EventPublisher(bridge, namespace, published.getIfAvailable(() -> PublishedEvents.NONE));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublisher publisher,
                            @Value("${lifeboat.outbox.poll-millis:500}") long pollMillis) {
        return new OutboxRelay(jdbc, transactions, publisher, pollMillis);
    }

    @Bean
    io.lifeboat.support.hooks.HoldHooks holdHooks(
            org.springframework.beans.factory.ObjectProvider<io.lifeboat.contracts.SecretSealer> sealer) {
        return new io.lifeboat.support.hooks.HoldHooks(sealer.getIfAvailable());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, OutboxRelay relay, ObjectProvider<PublishedEvents> published) {
        return new Outbox(jdbc, relay, published.getIfAvailable(() -> PublishedEvents.NONE));
    }
}
