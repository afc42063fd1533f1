package io.lifeboat.connector.code;

import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.connector.files.DirectoryConnector;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.SnapshotWriter;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The code: the commit SHA (setting {@code commit}) and, when declared, the deployed app directory
 * (setting {@code path}). A {@code .git} directory is never backed up nor touched: Lifeboat does not
 * modify git repositories.
 */
public final class CodeConnector extends DirectoryConnector {

    public CodeConnector() {
        super(Clock.systemUTC());
    }

    @Override
    public String type() {
        return "code";
    }

    @Override
    public void validate(PartSpec spec) {
        String commit = spec.requireSetting("commit");
        if (!commit.matches("[0-9a-f]{7,64}")) {
            throw new IllegalArgumentException("part " + spec.name() + ": 'commit' must be a hexadecimal git SHA");
        }
        if (spec.setting("path") != null) {
            super.validate(spec);
        }
    }

    @Override
    protected Set<String> untouchable() {
        return Set.of(".git");
    }

    @Override
    protected Map<String, String> facts(PartSpec spec) {
        return Map.of("commit", spec.requireSetting("commit"));
    }

    @Override
    public SnapshotSession openSnapshot(PartContext part) {
        if (part.spec().setting("path") != null) {
            return super.openSnapshot(part);
        }
        return new SnapshotSession() {
            @Override
            public Instant cut() {
                return Instant.now();
            }

            @Override
            public Map<String, String> stream(SnapshotWriter writer) {
                return facts(part.spec());
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Restores the deployed directory when both sides have one. A backup of the commit alone (its source
     * declared no path) leaves the target's deployed code as it is: it holds no tree to restore.
     */
    @Override
    public StagedRestore stage(PartContext target, SnapshotReader stored) {
        if (target.spec().setting("path") == null || !stored.manifest().metadata().containsKey("root_mode")) {
            return new NothingToRestore();
        }
        return super.stage(target, stored);
    }

    @Override
    public StagedRestore resume(PartContext target) {
        return target.spec().setting("path") == null ? new NothingToRestore() : super.resume(target);
    }

    /** The restore of a commit alone: nothing on disk changes. */
    private static final class NothingToRestore implements StagedRestore {
        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public Map<String, Long> objects() {
            return Map.of();
        }

        @Override
        public void switchOver() {
        }

        @Override
        public void switchBack() {
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }
}
