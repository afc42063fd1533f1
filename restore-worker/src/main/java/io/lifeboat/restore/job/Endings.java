package io.lifeboat.restore.job;

import io.lifeboat.contracts.Event;
import io.lifeboat.contracts.Topics;
import io.lifeboat.support.events.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The one way a restore ends: its row, for the run or reaper that owns it, and its event, in one transaction. */
@Component
class Endings {

    private final RestoreLedger ledger;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Endings(RestoreLedger ledger, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Ends the restore as {@code status} and publishes its event; false if it had ended or another owns it. */
    boolean end(String restoreId, String owner, String status, @Nullable String error,
                Function<Instant, Event> event) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Instant now = clock.instant();
            if (!ledger.finish(restoreId, owner, status, error, now)) {
                return false;
            }
            outbox.add(Topics.RESTORE_EVENTS, event.apply(now));
            return true;
        }));
    }
}
