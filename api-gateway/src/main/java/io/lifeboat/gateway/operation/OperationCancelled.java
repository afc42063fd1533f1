package io.lifeboat.gateway.operation;

/**
 * A queued backup or restore will never run, for example because its environment was deleted.
 * Published as a Spring application event inside the transaction that cancelled it.
 *
 * @param kind {@code backup} or {@code restore}
 */
public record OperationCancelled(String id, String kind, String reason) {
}
