package io.lifeboat.connector.files;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.SnapshotWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The shared behaviour of parts that are a directory on disk: mounts and the deployed code. */
public abstract class DirectoryConnector implements Connector {

    private final Clock clock;

    protected DirectoryConnector(Clock clock) {
        this.clock = clock;
    }

    /**
     * The real directory of this part, symlinks resolved, once checked to be below one of the project's roots.
     *
     * @throws io.lifeboat.connector.ConnectorException (permanent) when it is not
     */
    protected Path directory(PartContext part) {
        return part.roots().confine(part.environment().project(), part.spec().requireSetting("path"));
    }

    /** Entries never backed up nor touched by a restore. */
    protected Set<String> untouchable() {
        return Set.of();
    }

    /** Facts recorded besides the tree's own. */
    protected Map<String, String> facts(PartSpec spec) {
        return Map.of();
    }

    @Override
    public void validate(PartSpec spec) {
        String path = spec.requireSetting("path");
        if (!Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("part " + spec.name() + ": 'path' must be absolute");
        }
    }

    @Override
    public SnapshotSession openSnapshot(PartContext part) {
        Path root = directory(part);
        return new SnapshotSession() {
            private TreeCapture capture;

            @Override
            public Instant cut() {
                capture = TreeCapture.cut(root, part.operationId(), excluded());
                return clock.instant();
            }

            @Override
            public Map<String, String> stream(SnapshotWriter writer) {
                Map<String, String> facts = new LinkedHashMap<>(capture.stream(writer));
                facts.putAll(facts(part.spec()));
                return facts;
            }

            @Override
            public void close() {
                if (capture != null) {
                    capture.close();
                }
            }
        };
    }

    @Override
    public StagedRestore stage(PartContext target, SnapshotReader stored) {
        DirectorySwap swap = swap(target);
        try {
            long bytes = TreeStager.stage(stored, swap.staging(), excluded());
            return new DirectoryRestore(swap, bytes, Trees.count(swap.staging()), true);
        } catch (IOException e) {
            swap.discard();
            throw new ConnectorException("counting the files staged in " + swap.staging() + " failed: "
                    + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            swap.discard();
            throw e;
        }
    }

    /** The handle of a restore an earlier run staged, from the names beside the directory. */
    @Override
    public StagedRestore resume(PartContext target) {
        return new DirectoryRestore(swap(target), 0, Map.of(), false);
    }

    private DirectorySwap swap(PartContext target) {
        return new DirectorySwap(directory(target), target.operationId(), untouchable(), Trees.Move.ATOMIC);
    }

    private Predicate<String> excluded() {
        Set<String> names = untouchable();
        return path -> names.contains(path) || names.stream().anyMatch(n -> path.startsWith(n + "/"));
    }
}
