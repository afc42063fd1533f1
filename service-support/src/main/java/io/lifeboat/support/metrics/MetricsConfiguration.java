package io.lifeboat.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Lifeboat's metrics in every service (an auto-configuration: service-support brings it). Each service counts
 * the events it publishes, its outbox backlog and its dead letters; the Kafka binder measures its consumer lag.
 */
@AutoConfiguration
public class MetricsConfiguration {

    /** The binder's lag of a group on a topic ({@code KafkaBinderMetrics}). */
    static final String BINDER_LAG = "spring.cloud.stream.binder.kafka.offset";

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry, ObjectProvider<Clock> clock,
                              @Value("${lifeboat.metrics.max-environments:500}") int maxEnvironments,
                              @Value("${lifeboat.snapshot.timeout:6h}") Duration backupDeadline,
                              @Value("${lifeboat.restore.timeout:6h}") Duration restoreDeadline,
                              @Value("${lifeboat.scheduler.spread:60m}") Duration spread,
                              @Value("${lifeboat.scheduler.tick:30s}") Duration tick) {
        return EventMetrics.create(registry, clock.getIfAvailable(Clock::systemUTC), maxEnvironments,
                backupDeadline, restoreDeadline, spread, tick);
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<JdbcTemplate> jdbc) {
        return new OutboxMetrics(jdbc.getObject());
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry registry,
                                        @Value("${lifeboat.kafka.namespace:}") String namespace,
                                        @Value("${spring.cloud.stream.kafka.default.consumer.dlq-name}")
                                        String deadLetterTopic) {
        return new DeadLetterMetrics(registry, namespace, deadLetterTopic);
    }

    @Bean
    StorageMetrics storageMetrics(MeterRegistry registry) {
        return new StorageMetrics(registry);
    }

    @Bean
    MeterFilter consumerLagName() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals(BINDER_LAG) ? id.withName(MetricNames.CONSUMER_LAG) : id;
            }
        };
    }
}
