package io.lifeboat.connector;

/** A part restored beside the live data, not yet live. Closing it discards what was not switched over. */
public interface StagedRestore extends AutoCloseable {

    /** Logical bytes staged. */
    long bytes();

    /** Replaces the live data with the staged data, as atomically as the service allows. */
    void switchOver();

    @Override
    void close();
}
