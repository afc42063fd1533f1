package io.lifeboat.gateway.operation;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs the backups and restores of one environment one at a time, in request order. An operation whose
 * environment is busy waits here (its status stays pending) and its request is published when the one before
 * it ends, stamped with the time it is dispatched ({@link DispatchStamp}). Every change happens in the
 * caller's transaction under the environment's advisory lock, so nothing is lost, sent twice, or started
 * after it was cancelled.
 */
@Service
public class Operations {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private record Queued(String id, String kind, String backupId, String topic, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final List<DispatchCheck> checks;
    private final List<DispatchStamp> stamps;

    Operations(JdbcClient jdbc, Outbox outbox, Clock clock, ApplicationEventPublisher events,
               List<DispatchCheck> checks, List<DispatchStamp> stamps) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
        this.checks = checks;
        this.stamps = stamps;
    }

    /**
     * Publishes the request now if the environment is idle, or queues it behind the running operation.
     *
     * @return true when the operation was queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean submit(EnvironmentRef ref, String id, String kind, String backupId, String topic,
                          Event request) {
        lock(ref);
        boolean busy = jdbc.sql("""
                SELECT count(*) FROM operations WHERE project_id = ? AND environment = ? AND state <> 'ended'""")
                .params(ref.project(), ref.environment()).query(Long.class).single() > 0;
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO operations (id, project_id, environment, kind, backup_id, state, topic, payload,
                                        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ref.project(), ref.environment(), kind, backupId, busy ? "queued" : "dispatched", topic,
                        EventCodec.encode(request), Timestamp.from(now), Timestamp.from(now)).update();
        if (!busy) {
            outbox.add(topic, request);
        }
        return busy;
    }

    /** Whether a restore from this backup is queued or running; such a backup must not be deleted. */
    public boolean restoring(String backupId) {
        return jdbc.sql("""
                SELECT count(*) FROM operations WHERE backup_id = ? AND kind = 'restore' AND state <> 'ended'""")
                .param(backupId).query(Long.class).single() > 0;
    }

    /** Ends an operation and dispatches the next one queued on its environment. Idempotent. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void ended(OperationEnded event) {
        environmentOf(event.id()).ifPresent(ref -> {
            lock(ref);
            int ended = jdbc.sql("UPDATE operations SET state = 'ended', updated_at = ? WHERE id = ? AND state <> 'ended'")
                    .params(Timestamp.from(clock.instant()), event.id()).update();
            if (ended > 0) {
                dispatchNext(ref);
            }
        });
    }

    /** Cancels every queued operation of an environment that is going away or was deactivated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelQueued(EnvironmentRef ref, String reason) {
        lock(ref);
        jdbc.sql("""
                UPDATE operations SET state = 'ended', updated_at = ? WHERE project_id = ? AND environment = ?
                AND state = 'queued' RETURNING id, kind""").params(Timestamp.from(clock.instant()), ref.project(),
                ref.environment()).query((rs, n) -> new OperationCancelled(rs.getString(1), rs.getString(2), reason,
                false))
                .list().forEach(events::publishEvent);
    }

    /** Gives up on a dispatched operation that never reported an end, and starts the next one. */
    @Transactional
    public void abandon(String id, String reason) {
        environmentOf(id).ifPresent(ref -> {
            lock(ref);
            jdbc.sql("""
                    UPDATE operations SET state = 'ended', updated_at = ? WHERE id = ? AND state = 'dispatched'
                    RETURNING kind""").params(Timestamp.from(clock.instant()), id).query(String.class).optional()
                    .ifPresent(kind -> {
                        log.warn("operation {} ({}) of {}: {}", id, kind, ref, reason);
                        events.publishEvent(new OperationCancelled(id, kind, reason, true));
                        dispatchNext(ref);
                    });
        });
    }

    /** Dispatched operations last updated before the given instant, oldest first. */
    List<String> dispatchedBefore(Instant before) {
        return jdbc.sql("SELECT id FROM operations WHERE state = 'dispatched' AND updated_at < ? ORDER BY seq")
                .param(Timestamp.from(before)).query(String.class).list();
    }

    private void dispatchNext(EnvironmentRef ref) {
        boolean running = jdbc.sql("""
                SELECT count(*) FROM operations WHERE project_id = ? AND environment = ? AND state = 'dispatched'""")
                .params(ref.project(), ref.environment()).query(Long.class).single() > 0;
        while (!running) {
            Optional<Queued> next = jdbc.sql("""
                    SELECT id, kind, backup_id, topic, payload FROM operations WHERE project_id = ?
                    AND environment = ? AND state = 'queued' ORDER BY seq LIMIT 1""")
                    .params(ref.project(), ref.environment()).query((rs, n) -> new Queued(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5))).optional();
            if (next.isEmpty()) {
                return;
            }
            Queued op = next.get();
            Optional<String> refusal = checks.stream().map(c -> c.refusal(ref, op.kind(), op.backupId()))
                    .flatMap(Optional::stream).findFirst();
            String state = refusal.isPresent() ? "ended" : "dispatched";
            Instant now = clock.instant();
            jdbc.sql("UPDATE operations SET state = ?, updated_at = ? WHERE id = ? AND state = 'queued'")
                    .params(state, Timestamp.from(now), op.id()).update();
            if (refusal.isPresent()) {
                events.publishEvent(new OperationCancelled(op.id(), op.kind(), refusal.get(), false));
            } else {
                Event request = EventCodec.decode(op.payload());
                for (DispatchStamp stamp : stamps) {
                    request = stamp.stamp(op.kind(), request, now);
                }
                outbox.add(op.topic(), request);
                log.info("dispatched queued operation {} of {}", op.id(), ref);
                running = true;
            }
        }
    }

    private Optional<EnvironmentRef> environmentOf(String id) {
        return jdbc.sql("SELECT project_id, environment FROM operations WHERE id = ?").param(id)
                .query((rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2))).optional();
    }

    private void lock(EnvironmentRef ref) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("operations:" + ref.key()).query().singleRow();
    }
}
