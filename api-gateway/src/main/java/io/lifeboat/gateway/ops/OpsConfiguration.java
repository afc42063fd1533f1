package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ops view: a {@link Fleet} that a {@link FleetReader} fills from the environment, backup and restore
 * topics. It reaches Kafka as the binder does: its brokers, and its {@code configuration} and
 * {@code consumer-properties} (security settings, for instance). On unless {@code lifeboat.ops.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
@ConditionalOnProperty(name = "lifeboat.ops.enabled", matchIfMissing = true)
class OpsConfiguration {

    private static final String BINDER = "spring.cloud.stream.kafka.binder.";

    /** An operation is remembered a little longer than the gateway waits for it to end. */
    @Bean
    Fleet fleet(OpsProperties properties, @Value("${lifeboat.gateway.operation-timeout}") Duration operationTimeout) {
        Duration horizon = operationTimeout.plusHours(1);
        return new Fleet(properties.window(), horizon, properties.scheduleMargin());
    }

    @Bean
    FleetReader fleetReader(Fleet fleet, Clock clock, Environment environment,
                            @Value("${lifeboat.kafka.namespace:}") String namespace) {
        Map<String, Object> kafka = new HashMap<>();
        Binder binder = Binder.get(environment);
        for (String map : List.of("configuration", "consumer-properties")) {
            binder.bind(BINDER + map, Bindable.mapOf(String.class, String.class)).ifBound(kafka::putAll);
        }
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty(BINDER + "brokers", "127.0.0.1:9092"));
        kafka.put(CommonClientConfigs.CLIENT_ID_CONFIG, namespace + "lifeboat-ops-view");
        List<String> topics = Stream.of(Topics.ENVIRONMENTS, Topics.BACKUP_REQUESTS, Topics.BACKUP_EVENTS,
                Topics.RESTORE_REQUESTS, Topics.RESTORE_EVENTS).map(t -> namespace + t).toList();
        return new FleetReader(kafka, topics, fleet, clock);
    }
}
