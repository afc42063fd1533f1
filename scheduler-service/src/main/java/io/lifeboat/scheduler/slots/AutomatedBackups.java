package io.lifeboat.scheduler.slots;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.EventCodec;
import io.lifeboat.contracts.Ids;
import io.lifeboat.contracts.Topics;
import io.lifeboat.contracts.backup.BackupRequested;
import io.lifeboat.support.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Requests the automated backups. On each tick it finds, for every production environment, the latest slot
 * whose time has come; the slot's row is inserted once (its key is the primary key), so each slot fires
 * exactly once however many scheduler instances tick, and after downtime only the latest missed slot fires.
 * Automated backups are always live. A slot of an environment that may not have automated backups (inactive,
 * or on a development plan) is recorded as skipped, with the reason. A slot that came due before the
 * scheduler knew of the environment does not fire: a new environment waits for its first slot. Each request
 * names its slot ({@code scheduled_for}), so retention counts a slot caught up after midnight for its own day.
 */
@Service
public class AutomatedBackups {

    private static final Logger log = LoggerFactory.getLogger(AutomatedBackups.class);

    record Candidate(EnvironmentRef environment, String status, String commitSha, String parts, String plan,
                     String schedule, String timezone, Instant registeredAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration spread;
    private final double ratePerSecond;

    AutomatedBackups(JdbcTemplate jdbc, TransactionTemplate transactions, Outbox outbox, Clock clock,
                     @Value("${lifeboat.scheduler.spread}") Duration spread,
                     @Value("${lifeboat.scheduler.rate-per-second}") double ratePerSecond) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
        this.spread = spread;
        this.ratePerSecond = ratePerSecond;
    }

    /** Decides every due slot; returns how many backups it requested. */
    public int tick() {
        Instant now = clock.instant();
        List<Candidate> candidates = jdbc.query("""
                SELECT e.project, e.name, e.status, e.commit_sha, e.parts, p.plan, p.schedule, p.timezone,
                       e.registered_at
                FROM environments e JOIN projects p ON p.project = e.project
                WHERE e.type = 'production' AND NOT p.deleted""", (rs, n) -> new Candidate(
                new EnvironmentRef(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), registeredAt(rs)));
        int fired = 0;
        long started = System.nanoTime();
        for (Candidate candidate : candidates) {
            SlotCalendar.Slot slot = SlotCalendar.latestDue(candidate.environment(), candidate.schedule(),
                    ZoneId.of(candidate.timezone()), now, spread);
            if (slot != null && !slot.fireAt().isBefore(candidate.registeredAt()) && decide(candidate, slot, now)) {
                fired++;
                pace(started, fired);
            }
        }
        if (fired > 0) {
            log.info("requested {} automated backups", fired);
        }
        return fired;
    }

    private boolean decide(Candidate candidate, SlotCalendar.Slot slot, Instant now) {
        String skip = !candidate.status().equals("active") ? "the environment is inactive"
                : candidate.plan().equals("development") ? "the project is on a development plan" : null;
        Boolean fired = transactions.execute(tx -> {
            String backupId = skip == null ? SlotCalendar.backupId(slot) : null;
            int inserted = jdbc.update("""
                    INSERT INTO slots (slot_key, project, environment, nominal_at, status, reason, backup_id, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slot_key) DO NOTHING""", slot.key(),
                    candidate.environment().project(), candidate.environment().environment(),
                    Timestamp.from(slot.nominal()), skip == null ? "FIRED" : "SKIPPED", skip, backupId,
                    Timestamp.from(now));
            if (inserted == 0 || skip != null) {
                return false;
            }
            outbox.add(Topics.SCHEDULED_BACKUPS, new BackupRequested(Ids.eventId(), now, backupId,
                    candidate.environment(), false, true, "schedule", candidate.commitSha(),
                    EventCodec.readParts(candidate.parts()), null, slot.nominal()));
            return true;
        });
        return Boolean.TRUE.equals(fired);
    }

    private static Instant registeredAt(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(9);
        return at == null || at.getTime() < 0 ? Instant.EPOCH : at.toInstant();
    }

    /** Keeps the emission rate under the configured rate per second. */
    private void pace(long startedNanos, int emitted) {
        long due = startedNanos + (long) (emitted / ratePerSecond * 1_000_000_000L);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
