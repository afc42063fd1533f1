package io.lifeboat.support.events;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.EventTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: {@link #add} records an event in the caller's transaction, so the event is
 * published if and only if the change it describes commits. {@link OutboxRelay} publishes it.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;
    private final PublishedEvents published;

    public Outbox(JdbcTemplate jdbc, OutboxRelay relay) {
        this(jdbc, relay, PublishedEvents.NONE);
    }

    public Outbox(JdbcTemplate jdbc, OutboxRelay relay, PublishedEvents published) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.published = published;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, Event event) {
        jdbc.update("INSERT INTO outbox (topic, event_key, event_type, payload) VALUES (?, ?, ?, ?)",
                topic, event.key(), EventTypes.of(event.getClass()).name(), EventCodec.encode(event));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                    published.published(topic, event);
                }
            });
        } else {
            published.published(topic, event);
        }
    }
}
