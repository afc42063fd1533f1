package io.lifeboat.retention.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides on manual backups: the newest {@code allowance} are kept until deleted or replaced; older ones are
 * kept, newest first, while free automated slots remain.
 */
final class ManualDecisions {

    /** Preview environments keep at most this many manual backups. */
    static final int PREVIEW_ALLOWANCE = 2;

    private ManualDecisions() {
    }

    /**
     * @param newestFirst   the manual backups, newest first
     * @param keptAutomated how many automated backups are kept
     */
    static List<Decision> decide(Policy policy, EnvironmentKind kind, List<BackupFacts> newestFirst,
                                 int keptAutomated) {
        boolean production = kind == EnvironmentKind.PRODUCTION;
        int allowance = production ? policy.manualAllowance() : Math.min(PREVIEW_ALLOWANCE, policy.manualAllowance());
        int capacity = allowance + (production ? policy.automatedCapacity() : 0);
        int used = keptAutomated;
        List<Decision> decisions = new ArrayList<>(newestFirst.size());
        for (int rank = 1; rank <= newestFirst.size(); rank++) {
            String id = newestFirst.get(rank - 1).id();
            if (rank <= allowance) {
                decisions.add(new Decision(id, true, List.of("manual " + rank + " of " + allowance), null));
                used++;
            } else if (used < capacity) {
                decisions.add(new Decision(id, true, List.of("manual (free automated slot)"), null));
                used++;
            } else {
                decisions.add(new Decision(id, false, List.of("expired: replaced by newer manual backups"), null));
            }
        }
        return decisions;
    }
}
