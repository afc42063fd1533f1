package io.lifeboat.gateway.operation;

import io.lifeboat.contracts.EnvironmentRef;

import java.util.Optional;

/**
 * A last check before a queued operation starts, for what may have changed while it waited (a restore's
 * backup may have been deleted, its environment deactivated). Implementations must not write; each implements
 * the one of the two methods it needs.
 */
public interface DispatchCheck {

    /**
     * @param environment the environment the operation runs on
     * @param kind        {@code backup} or {@code restore}
     * @param backupId    the backup the operation takes or reads
     * @return why the operation must not start, or empty to let it start
     */
    default Optional<String> refusal(EnvironmentRef environment, String kind, String backupId) {
        return refusal(kind, backupId);
    }

    /** As {@link #refusal(EnvironmentRef, String, String)}, for a check that needs no environment. */
    default Optional<String> refusal(String kind, String backupId) {
        return Optional.empty();
    }
}
