package io.lifeboat.connector;

import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.SnapshotReader;

/**
 * The worker contract for one part type. A new service type is one package that implements this
 * interface and names it in {@code META-INF/services/io.lifeboat.connector.Connector}; the snapshot and
 * restore workers find it there. Every implementation passes {@code ConnectorConformance} against the
 * real server.
 *
 * <p>Errors are {@link ConnectorException}s that say what was being done, with which part, and whether a
 * retry can help. Credentials never appear in an error, a log line or a process's arguments.
 */
public interface Connector {

    /** The part type, for example {@code postgresql}. */
    String type();

    /** Checks a part's settings; throws {@link IllegalArgumentException} naming the missing or bad setting. */
    void validate(PartSpec spec);

    /** Connects and checks access and tools. Nothing is held and nothing is copied yet. */
    SnapshotSession openSnapshot(PartContext part);

    /**
     * Stages a stored part beside the target's live data (a staging database, a sibling directory), so that
     * a failure leaves the live data untouched. {@link StagedRestore#switchOver()} makes it live.
     */
    StagedRestore stage(PartContext target, SnapshotReader stored);

    /**
     * The handle of a restore that an earlier run staged, and perhaps began to switch over, before it stopped:
     * found from {@code target}'s operation id alone. It can switch back, commit and close; not switch over.
     */
    StagedRestore resume(PartContext target);
}
