package io.lifeboat.connector;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import io.lifeboat.storage.repo.SnapshotWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worker contract, run for every connector against the real server on this machine: a part is
 * snapshotted, destroyed, restored into the same place and into another one, and compared by content.
 */
public abstract class ConnectorConformance {

    private static final AtomicInteger BACKUPS = new AtomicInteger();
    protected static final EnvironmentRef ENV = new EnvironmentRef("conformance", "main");

    protected Repository repository;
    protected final Connector connector = new Connectors().get(type());

    protected abstract String type();

    /** A fresh part with realistic content; {@code name} makes it unique. */
    protected abstract PartSpec createPart(String name) throws Exception;

    /** An empty target for a restore into another environment; it may not exist yet. */
    protected abstract PartSpec emptyTarget(String name) throws Exception;

    protected abstract Map<String, String> fingerprint(PartSpec part) throws Exception;

    /** Changes the live data in a way a restore must undo. */
    protected abstract void destroy(PartSpec part) throws Exception;

    protected abstract void dropPart(PartSpec part) throws Exception;

    /**
     * The part's objects counted by kind, as {@link StagedRestore#objects()} reports them, but read from the
     * service's own catalog ({@code information_schema}, {@code pg_catalog}, the file system), not the connector.
     */
    protected abstract Map<String, Long> catalogCounts(PartSpec part) throws Exception;

    @BeforeEach
    void openRepository() {
        MasterKeyRing keys = MasterKeyRing.parse(List.of("k:" + Base64.getEncoder().encodeToString(new byte[32])));
        repository = Repository.open(List.of(new InMemoryObjectStore("memory", Clock.systemUTC())), 1, keys,
                Clock.systemUTC(), RepositoryOptions.defaults());
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    @Test
    void restoresThePartExactlyAfterItWasDestroyed() throws Exception {
        PartSpec part = createPart("same");
        try {
            Map<String, String> before = fingerprint(part);
            String backup = backup(part);
            destroy(part);
            assertThat(fingerprint(part)).isNotEqualTo(before);
            restore(backup, part);
            assertThat(fingerprint(part)).isEqualTo(before);
        } finally {
            dropPart(part);
        }
    }

    @Test
    void restoresIntoAnotherTarget() throws Exception {
        PartSpec source = createPart("source");
        PartSpec target = emptyTarget("target");
        try {
            Map<String, String> before = fingerprint(source);
            restore(backup(source), target);
            assertThat(fingerprint(target)).isEqualTo(before);
            assertThat(fingerprint(source)).isEqualTo(before);
        } finally {
            dropPart(source);
            dropPart(target);
        }
    }

    @Test
    void aFailedStagingLeavesTheLiveDataUntouched() throws Exception {
        PartSpec part = createPart("untouched");
        try {
            Map<String, String> before = fingerprint(part);
            String backup = backup(part);
            var reader = repository.openPart(ENV.project(), backup, part.name());
            try (StagedRestore staged = connector.stage(context(part, "0000000000000000000000000000fa11"), reader)) {
                assertThat(staged.bytes()).isNotNegative();
            }
            assertThat(fingerprint(part)).isEqualTo(before);
        } finally {
            dropPart(part);
        }
    }

    @Test
    void switchingBackPutsTheLiveDataBackAsItWasAndCountsWhatWasStaged() throws Exception {
        PartSpec part = createPart("back");
        try {
            Map<String, String> backedUp = fingerprint(part);
            Map<String, Long> counts = catalogCounts(part);
            String backup = backup(part);
            destroy(part);
            Map<String, String> before = fingerprint(part);
            try (StagedRestore staged = stage(part, backup, "%032x".formatted(System.nanoTime()))) {
                staged.switchOver();
                assertThat(fingerprint(part)).isEqualTo(backedUp);
                assertThat(staged.objects()).isEqualTo(counts);
                staged.switchBack();
                assertThat(fingerprint(part)).isEqualTo(before);
                staged.switchBack();
            }
            assertThat(fingerprint(part)).isEqualTo(before);
        } finally {
            dropPart(part);
        }
    }

    @Test
    void aLaterRunSwitchesBackWhatAStoppedRunSwitchedOver() throws Exception {
        PartSpec part = createPart("resumed");
        try {
            String backup = backup(part);
            destroy(part);
            Map<String, String> before = fingerprint(part);
            String restoreId = "%032x".formatted(System.nanoTime());
            stage(part, backup, restoreId).switchOver();
            // the run stops here without closing its handle; a later run finds what it left by the restore id
            try (StagedRestore resumed = connector.resume(context(part, restoreId))) {
                resumed.switchBack();
            }
            assertThat(fingerprint(part)).isEqualTo(before);
        } finally {
            dropPart(part);
        }
    }

    @Test
    void aLaterRunCommitsWhatAStoppedRunSwitchedOver() throws Exception {
        PartSpec part = createPart("committed");
        try {
            Map<String, String> backedUp = fingerprint(part);
            String backup = backup(part);
            destroy(part);
            String restoreId = "%032x".formatted(System.nanoTime());
            stage(part, backup, restoreId).switchOver();
            try (StagedRestore resumed = connector.resume(context(part, restoreId))) {
                resumed.commit();
                resumed.switchBack();
            }
            assertThat(fingerprint(part)).isEqualTo(backedUp);
        } finally {
            dropPart(part);
        }
    }

    @Test
    void incompleteSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> connector.validate(new PartSpec("broken", type(), Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken");
    }

    /** Stages a backed-up part into {@code target} for the restore {@code restoreId}. */
    protected StagedRestore stage(PartSpec target, String backupId, String restoreId) {
        return connector.stage(context(target, restoreId), repository.openPart(ENV.project(), backupId,
                target.name()));
    }

    protected String backup(PartSpec part) {
        String backupId = "%032x".formatted(System.nanoTime() + BACKUPS.incrementAndGet());
        try (SnapshotSession session = connector.openSnapshot(context(part, backupId));
             SnapshotWriter writer = repository.newPart(ENV.project(), ENV.environment(), backupId, part.name(),
                     type())) {
            var at = session.cut();
            PartManifest manifest = writer.commit(at, session.stream(writer));
            assertThat(manifest.pointInTime()).isEqualTo(at);
        }
        return backupId;
    }

    protected void restore(String backupId, PartSpec target) {
        String restoreId = "%032x".formatted(System.nanoTime());
        var reader = repository.openPart(ENV.project(), backupId, target.name());
        try (StagedRestore staged = connector.stage(context(target, restoreId), reader)) {
            staged.switchOver();
            staged.commit();
        }
    }

    protected PartContext context(PartSpec part, String operationId) {
        return new PartContext(ENV, part, null, operationId, roots());
    }

    /** Where the parts' files may be; none by default. */
    protected FileRoots roots() {
        return FileRoots.none();
    }
}
