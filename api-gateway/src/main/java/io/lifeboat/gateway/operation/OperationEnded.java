package io.lifeboat.gateway.operation;

/**
 * A backup or restore reached a final state; the next queued operation of its environment may start.
 * Published as a Spring application event inside the transaction that recorded the end.
 *
 * @param id      the backup or restore id
 * @param kind    {@code backup} or {@code restore}
 * @param status  the final status, such as {@code COMPLETED} or {@code FAILED}
 * @param error   why it failed, or null
 */
public record OperationEnded(String id, String kind, String status, String error) {

    public boolean succeeded() {
        return status.equals("COMPLETED");
    }
}
