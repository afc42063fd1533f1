package io.lifeboat.retention.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides on the automated backups of an environment, taken at or before the evaluation time. Every kind of
 * environment has them age out on the policy's cycle: one that left production takes no more, so they do.
 */
final class AutomatedDecisions {

    private AutomatedDecisions() {
    }

    /** @param backups automated backups taken at or before {@code now}, oldest first */
    static List<Decision> decide(Policy policy, List<BackupFacts> backups, Instant now, ZoneId zone) {
        Cascade cascade = new Cascade(policy.rules(), backups, zone);
        var windows = cascade.windows(now);
        List<Decision> decisions = new ArrayList<>(backups.size());
        for (int b = 0; b < backups.size(); b++) {
            String id = backups.get(b).id();
            int stage = cascade.span(b, windows);
            decisions.add(stage < policy.rules().size() && cascade.first(stage, b)
                    ? kept(cascade, id, b, stage)
                    : new Decision(id, false, List.of(expiredReason(cascade, policy, b, stage)), null));
        }
        return decisions;
    }

    /** Follows the backup down the stages it passes to, for as long as each one keeps it on the hand-over. */
    private static Decision kept(Cascade cascade, String id, int b, int stage) {
        List<String> reasons = new ArrayList<>();
        int r = stage;
        while (true) {
            reasons.add(cascade.rule(r).interval().label(cascade.interval(r, b)));
            Instant leaves = cascade.leaves(r, b);
            int next = r + 1;
            boolean passesDown = next < cascade.rules() && cascade.first(next, b)
                    && cascade.span(b, cascade.windows(leaves)) == next;
            if (!passesDown) {
                return new Decision(id, true, reasons, leaves);
            }
            r = next;
        }
    }

    private static String expiredReason(Cascade cascade, Policy policy, int b, int stage) {
        if (policy.rules().isEmpty()) {
            return "expired: policy " + policy.name() + " keeps no automated backups";
        }
        if (stage < policy.rules().size()) {
            Interval interval = cascade.rule(stage).interval();
            return "expired: not the first " + interval.adjective() + " backup of "
                    + interval.period(cascade.interval(stage, b));
        }
        Rule coarsest = cascade.rule(stage - 1);
        return "expired: older than the last " + coarsest.count() + " " + coarsest.interval().adjective()
                + " intervals";
    }
}
