package io.lifeboat.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's backlog: events committed and not yet acknowledged by the broker, and the age of the oldest.
 * Read from the service's own {@code outbox} table at each scrape; NaN while the database does not answer.
 */
final class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, this, m -> m.query("SELECT count(*) FROM outbox"))
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_OLDEST, this, m -> m.query(
                "SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox")).register(registry);
    }

    private double query(String sql) {
        try {
            Number value = jdbc.queryForObject(sql, Number.class);
            return value == null ? Double.NaN : value.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
