package io.lifeboat.gateway.ops;

import io.lifeboat.contracts.EnvironmentRef;

/** One restore into {@link #environment}: the backup it reads, from which environment, and how it ended. */
final class RestoreRun extends Run {

    String backupId;
    EnvironmentRef source;
    String targetState;

    RestoreRun(String id, EnvironmentRef target) {
        super(id, target);
    }

    /** As {@link #progress()}, or {@code completed} or {@code failed} once ended. */
    String status() {
        return ended() ? (succeeded ? "completed" : "failed") : progress();
    }
}
