package io.lifeboat.support.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows in id order and deletes them once the broker acknowledged them. One relay at a
 * time per service holds an advisory lock, which keeps the order. It runs right after each commit that
 * added events, and polls as a fallback, so events survive a crash between commit and publish.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Row(long id, String topic, String key, String type, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher publisher;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbox-relay").factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublisher publisher,
                       long pollMillis) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        executor.scheduleWithFixedDelay(this::drainQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    public void wake() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                drainQuietly();
            });
        }
    }

    /** Publishes everything waiting; returns how many events were published. */
    public int drain() {
        int total = 0;
        for (int batch = drainBatch(); batch > 0; batch = drainBatch()) {
            total += batch;
        }
        return total;
    }

    private int drainBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(current_schema()))",
                    Boolean.class);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.query("SELECT id, topic, event_key, event_type, payload FROM outbox ORDER BY id "
                    + "LIMIT 100", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getBytes(5)));
            for (Row row : rows) {
                publisher.send(row.topic(), row.key(), row.type(), row.payload());
                jdbc.update("DELETE FROM outbox WHERE id = ?", row.id());
            }
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("outbox relay: publishing failed, retrying shortly: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
