package io.lifeboat.support.metrics;

import io.lifeboat.contracts.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterMetricsTests {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final DeadLetterMetrics deadLetters = new DeadLetterMetrics(registry, "it42.", "it42.lifeboat.dead-letter.v1");

    @Test
    void aDeadLetterGoesToTheConfiguredTopicAndCountsUnderItsTopicWithoutTheNamespace() {
        String destination = deadLetters.apply(new ConsumerRecord<>("it42." + Topics.RESTORE_EVENTS, 1, 7, null, null),
                new Exception("unreadable"));
        assertThat(destination).isEqualTo("it42.lifeboat.dead-letter.v1");
        Scrape scrape = Scrape.of(registry.scrape());
        assertThat(scrape.value("lifeboat_dead_letters_total", "topic", Topics.RESTORE_EVENTS)).isEqualTo(1);
        assertThat(scrape.value("lifeboat_dead_letters_total", "topic", Topics.BACKUP_EVENTS)).isZero();
    }

    @Test
    void everyTopicIsCountedFromZeroSoThatTheFirstDeadLetterIsAnIncrease() {
        Scrape scrape = Scrape.of(registry.scrape());
        assertThat(scrape.labelValues("lifeboat_dead_letters_total", "topic")).contains(Topics.BACKUP_REQUESTS,
                Topics.BACKUP_EVENTS, Topics.RESTORE_REQUESTS, Topics.RESTORE_EVENTS, Topics.SNAPSHOT_RESULTS,
                Topics.ENVIRONMENTS, Topics.PLATFORM_REQUESTS, Topics.SCHEDULED_BACKUPS);
    }

    @Test
    void theBindersLagIsNamedLifeboatConsumerLag() {
        Lifecycles lifecycles = new Lifecycles(10);
        lifecycles.everything();
        Scrape scrape = lifecycles.scrape();
        assertThat(scrape.value("lifeboat_consumer_lag", "group", "retention-service")).isEqualTo(7);
        assertThat(scrape.names()).noneMatch(name -> name.startsWith("spring_cloud_stream_binder_kafka_offset"));
    }
}
