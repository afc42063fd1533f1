package io.lifeboat.gateway.operation;

/**
 * A backup or restore will never run, or never report its end: a queued one, for example because its
 * environment was deleted, or a dispatched one that was given up on. Published as a Spring application event
 * inside the transaction that cancelled it.
 *
 * @param kind       {@code backup} or {@code restore}
 * @param dispatched whether its request had been published (it was given up on), or it was still queued
 */
public record OperationCancelled(String id, String kind, String reason, boolean dispatched) {
}
