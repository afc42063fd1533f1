package io.lifeboat.restore.job;

/**
 * A seam for tests: called after each part's switch-over, and once all parts switched. A test's implementation
 * throws there to make a switch-over fail after it happened, or stops the run as a kill would. The worker's own
 * does nothing.
 */
interface SwitchFaults {

    SwitchFaults NONE = new SwitchFaults() { };

    default void switched(String restoreId, String part) {
    }

    default void switchedAll(String restoreId) {
    }
}
