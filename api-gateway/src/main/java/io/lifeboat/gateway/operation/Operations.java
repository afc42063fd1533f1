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
import java.util.Optional;

/**
 * Runs the backups and restores of one environment one at a time, in request order. An operation whose
 * environment is busy waits here (its status stays pending) and its request is published when the one before
 * it ends. Submitting and dispatching happen in the caller's transaction, so nothing is lost or sent twice.
 */
@Service
public class Operations {

    private static final Logger log = LoggerFactory.getLogger(Operations.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Operations(JdbcClient jdbc, Outbox outbox, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Publishes the request now if the environment is idle, or queues it behind the running operation.
     *
     * @return true when the operation was queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean submit(EnvironmentRef ref, String id, String kind, String backupId, String topic,
                          Event request) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("operations:" + ref.key()).query().singleRow();
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

    /** The queued operations of an environment, oldest first. */
    public java.util.List<String> queued(EnvironmentRef ref) {
        return jdbc.sql("""
                SELECT id FROM operations WHERE project_id = ? AND environment = ? AND state = 'queued'
                ORDER BY seq""").params(ref.project(), ref.environment()).query(String.class).list();
    }

    /** How many operations of the environment are ahead of this one; 0 once it is dispatched. */
    public int position(String id) {
        return jdbc.sql("""
                SELECT count(*) FROM operations o, operations me WHERE me.id = ? AND me.state = 'queued'
                AND o.project_id = me.project_id AND o.environment = me.environment AND o.state <> 'ended'
                AND o.seq < me.seq""").param(id).query(Integer.class).single();
    }

    /** Ends an operation and dispatches the next one queued on its environment. Idempotent. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void ended(OperationEnded event) {
        end(event.id());
    }

    /** Cancels every queued operation of an environment that is going away. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelQueued(EnvironmentRef ref, String reason) {
        jdbc.sql("""
                UPDATE operations SET state = 'ended', updated_at = ? WHERE project_id = ? AND environment = ?
                AND state = 'queued' RETURNING id, kind""").params(Timestamp.from(clock.instant()), ref.project(),
                ref.environment()).query((rs, n) -> new OperationCancelled(rs.getString(1), rs.getString(2), reason))
                .list().forEach(events::publishEvent);
    }

    void end(String id) {
        Optional<EnvironmentRef> ref = jdbc.sql("""
                UPDATE operations SET state = 'ended', updated_at = ? WHERE id = ? AND state <> 'ended'
                RETURNING project_id, environment""").params(Timestamp.from(clock.instant()), id)
                .query((rs, n) -> new EnvironmentRef(rs.getString(1), rs.getString(2))).optional();
        ref.ifPresent(this::dispatchNext);
    }

    private void dispatchNext(EnvironmentRef ref) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("operations:" + ref.key()).query().singleRow();
        boolean running = jdbc.sql("""
                SELECT count(*) FROM operations WHERE project_id = ? AND environment = ? AND state = 'dispatched'""")
                .params(ref.project(), ref.environment()).query(Long.class).single() > 0;
        if (running) {
            return;
        }
        jdbc.sql("""
                SELECT id, topic, payload FROM operations WHERE project_id = ? AND environment = ?
                AND state = 'queued' ORDER BY seq LIMIT 1""").params(ref.project(), ref.environment())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}).optional()
                .ifPresent(next -> {
                    jdbc.sql("UPDATE operations SET state = 'dispatched', updated_at = ? WHERE id = ?")
                            .params(Timestamp.from(clock.instant()), next[0]).update();
                    outbox.add((String) next[1], EventCodec.decode((byte[]) next[2]));
                    log.info("dispatched queued operation {} of {}", next[0], ref);
                });
    }
}
