package io.lifeboat.connector;

import java.util.Map;

/**
 * A part restored beside the live data, not yet live. The restore worker stages every part, then switches
 * each over; if one fails it switches the others back, so that a target is never left half restored.
 *
 * <p>The life of a handle: {@link #switchOver()}, then either {@link #commit()} (every part switched) or
 * {@link #switchBack()} (some part failed); {@link #close()} always. A handle from
 * {@link Connector#resume} (the run that staged it stopped) supports {@code switchBack}, {@code commit} and
 * {@code close} only. Everything a handle keeps aside is named by the operation id, so that a later run finds it.
 */
public interface StagedRestore extends AutoCloseable {

    /** Logical bytes staged. */
    long bytes();

    /**
     * What the part holds once restored, counted by kind from the service's own catalog or the staged tree
     * ({@code tables}, {@code views}, {@code routines}, {@code triggers}, {@code events}, {@code keys},
     * {@code files}, ...). Known after staging, or for a service that loads
     * at switch-over (Redis) after {@link #switchOver()}; never null.
     */
    Map<String, Long> objects();

    /**
     * Replaces the live data with the staged data, as atomically as the service allows, and keeps the data it
     * replaced aside (or a copy of it) until {@link #commit()} or {@link #switchBack()}.
     */
    void switchOver();

    /**
     * Puts back the live data as it was before {@link #switchOver()}, from whatever state a switch-over left,
     * even one that failed or whose process died midway; a target that had no live data is left without.
     * Idempotent, and a no-op when nothing was switched.
     */
    void switchBack();

    /** Discards the data kept aside by {@link #switchOver()}: every part switched over. Idempotent. */
    void commit();

    /** Discards whatever was staged and is not live. Never throws. */
    @Override
    void close();
}
