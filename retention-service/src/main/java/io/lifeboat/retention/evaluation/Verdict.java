package io.lifeboat.retention.evaluation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What retention says of one backup: the engine's decision, and when it is not kept, the reason its deletion
 * is requested with: {@code expired}, {@code replaced}, {@code environment-deleted} or {@code project-deleted}.
 */
record Verdict(String backupId, boolean kept, @Nullable Instant expiresAt, List<String> reasons,
               @Nullable String deletionReason) {

    Verdict {
        reasons = List.copyOf(reasons);
        if (kept != (deletionReason == null)) {
            throw new IllegalArgumentException("backup " + backupId + ": a deletion reason goes with not kept");
        }
    }

    static Verdict deleted(String backupId, String reason, String why) {
        return new Verdict(backupId, false, null, List.of(why), reason);
    }

    Subject.Assessment assessment() {
        return new Subject.Assessment(kept, expiresAt, reasons);
    }

    Verdict withReason(String reason) {
        List<String> more = new ArrayList<>(reasons);
        more.add(reason);
        return new Verdict(backupId, kept, expiresAt, more, deletionReason);
    }
}
