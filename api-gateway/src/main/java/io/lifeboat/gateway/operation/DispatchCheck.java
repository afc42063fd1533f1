package io.lifeboat.gateway.operation;

import java.util.Optional;

/**
 * A last check before a queued operation starts, for what may have changed while it waited (a restore's
 * backup may have been deleted). Implementations must not write.
 */
public interface DispatchCheck {

    /**
     * @param kind     {@code backup} or {@code restore}
     * @param backupId the backup the operation takes or reads
     * @return why the operation must not start, or empty to let it start
     */
    Optional<String> refusal(String kind, String backupId);
}
