package io.lifeboat.restore.job;

import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.PartResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

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
                                      SwitchFaults faults) {
        List<Part> begun = new ArrayList<>();
        List<PartResult> results = new ArrayList<>();
        for (Part part : parts) {
            if (!ledger.partIs(restoreId, owner, part.name(), RestoreLedger.PartState.SWITCHING, 0, java.util.Map.of())) {
                throw new SwitchFailedException("the restore stopped switching over before part " + part.name()
                        + ": its run lost its claim to a reaper, which switches back the parts already switched ("
                        + names(begun) + ")", "being switched back by the reaper");
            }
            begun.add(part);
            try {
                part.restore().switchOver();
                faults.switched(restoreId, part.name());
            } catch (RuntimeException e) {
                throw failed(restoreId, part, begun, e);
            }
            StagedRestore restore = part.restore();
            ledger.partIs(restoreId, owner, part.name(), RestoreLedger.PartState.SWITCHED, restore.bytes(),
                    restore.objects());
            results.add(new PartResult(part.name(), part.type(), PartResult.PartStatus.COMPLETED, restore.bytes(), 0,
                    null, null, restore.objects()));
        }
        return results;
    }

    private static SwitchFailedException failed(String restoreId, Part part, List<Part> begun, RuntimeException cause) {
        List<String> notBack = switchBack(restoreId, begun);
        String why = "switching part " + part.name() + " failed: " + cause.getMessage();
        if (notBack.isEmpty()) {
            return new SwitchFailedException(why + "; the parts switched so far (" + names(begun)
                    + ") were switched back: the target is as it was before the restore", "unchanged", cause);
        }
        return new SwitchFailedException(why + "; switching back parts " + notBack + " failed too: they hold the "
                + "backup, the others are as before", "partial: restored " + notBack, cause);
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

    /** A switch-over failed; the target is in {@link #targetState()}. */
    static final class SwitchFailedException extends RuntimeException {
        private final String targetState;

        SwitchFailedException(String message, String targetState) {
            super(message);
            this.targetState = targetState;
        }

        SwitchFailedException(String message, String targetState, Throwable cause) {
            super(message, cause);
            this.targetState = targetState;
        }

        String targetState() {
            return targetState;
        }
    }
}
