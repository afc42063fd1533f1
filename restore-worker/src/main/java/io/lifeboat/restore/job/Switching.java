package io.lifeboat.restore.job;

import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.PartResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Switches the staged parts of one restore over, one after the other, recording each in the ledger; if one fails,
 * switches back every part it began, newest first, so that the target is as it was before or as in the backup.
 */
final class Switching {

    private static final Logger log = LoggerFactory.getLogger(Switching.class);

    /** A part ready to switch, or one a later run found by its restore id. */
    record Part(String name, String type, StagedRestore restore) {
    }

    private Switching() {
    }

    /** Switches every part over; throws {@link SwitchFailedException} after switching back what it began. */
    static List<PartResult> switchAll(RestoreLedger ledger, String restoreId, String owner, List<Part> parts,
                                      SwitchFaults faults, Clock clock) {
        List<Part> begun = new ArrayList<>();
        List<PartResult> results = new ArrayList<>();
        for (Part part : parts) {
            if (!ledger.partIs(restoreId, owner, clock.instant(), part.name(), RestoreLedger.PartState.SWITCHING, 0,
                    Map.of())) {
                throw new LeftToTheReaperException("its run lost its claim before switching part " + part.name());
            }
            begun.add(part);
            StagedRestore restore = part.restore();
            try {
                restore.switchOver();
                faults.switched(restoreId, part.name());
            } catch (RuntimeException e) {
                throw failed(restoreId, part, begun, e);
            }
            if (!ledger.partIs(restoreId, owner, clock.instant(), part.name(), RestoreLedger.PartState.SWITCHED,
                    restore.bytes(), restore.objects())) {
                throw new LeftToTheReaperException("its run lost its claim after switching part " + part.name());
            }
            results.add(new PartResult(part.name(), part.type(), PartResult.PartStatus.COMPLETED, restore.bytes(), 0,
                    null, null, restore.objects()));
        }
        return results;
    }

    private static RuntimeException failed(String restoreId, Part part, List<Part> begun, RuntimeException cause) {
        List<String> notBack = switchBack(restoreId, begun);
        String why = "switching part " + part.name() + " failed: " + cause.getMessage();
        if (notBack.isEmpty()) {
            return new SwitchFailedException(why + "; the parts switched so far (" + names(begun)
                    + ") were switched back: the target is as it was before the restore", "unchanged", cause);
        }
        return new LeftToTheReaperException(why + ", and switching back parts " + notBack + " failed too");
    }

    /** Switches back each part, newest first; returns those that could not be switched back. */
    static List<String> switchBack(String restoreId, List<Part> begun) {
        List<String> notBack = new ArrayList<>();
        for (Part part : begun.reversed()) {
            try {
                part.restore().switchBack();
                log.info("restore {}: part {} switched back", restoreId, part.name());
            } catch (RuntimeException e) {
                log.error("restore {}: switching part {} back failed: {}", restoreId, part.name(), e.getMessage());
                notBack.add(part.name());
            }
        }
        return notBack.reversed();
    }

    /** Discards what every part kept aside, once all switched over; a failure leaves garbage, not a mix. */
    static void commitAll(String restoreId, List<Part> parts) {
        for (Part part : parts) {
            try {
                part.restore().commit();
            } catch (RuntimeException e) {
                log.warn("restore {}: part {} is restored, but what it replaced was not discarded: {}", restoreId,
                        part.name(), e.getMessage());
            }
        }
    }

    static void closeAll(List<Part> parts) {
        parts.forEach(p -> p.restore().close());
    }

    private static List<String> names(List<Part> parts) {
        return parts.stream().map(Part::name).toList();
    }

    /**
     * The run stops where it is, reporting nothing: a reaper takes the restore over once the run's lease lapsed,
     * and switches back (retrying until the deadline) or completes what the ledger says was switched.
     */
    static final class LeftToTheReaperException extends RuntimeException {
        LeftToTheReaperException(String why) {
            super(why + "; the reaper finishes the switch-over or switches it back");
        }
    }

    /** A switch-over failed; the target is in {@link #targetState()}. */
    static final class SwitchFailedException extends RuntimeException {
        private final String targetState;

        SwitchFailedException(String message, String targetState, Throwable cause) {
            super(message, cause);
            this.targetState = targetState;
        }

        String targetState() {
            return targetState;
        }
    }
}
