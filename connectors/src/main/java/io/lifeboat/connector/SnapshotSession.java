package io.lifeboat.connector;

import io.lifeboat.storage.repo.SnapshotWriter;

import java.time.Instant;
import java.util.Map;

/**
 * One part's snapshot, in two steps. {@link #cut()} fixes the point in time; for a consistent backup it
 * runs while the environment's writes are held, so it must not copy data and must take milliseconds.
 * {@link #stream} then copies the data as of the cut, after the hold is released.
 */
public interface SnapshotSession extends AutoCloseable {

    /** Takes the point-in-time snapshot and returns its time. */
    Instant cut();

    /** Streams the data as of the cut; returns facts to record in the part manifest. */
    Map<String, String> stream(SnapshotWriter writer);

    /** Releases what the session holds (a transaction, hard links); idempotent. */
    @Override
    void close();
}
