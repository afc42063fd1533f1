package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.StorageException;
import io.lifeboat.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.lifeboat.storage.repo.Backups.ENV;
import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Garbage collection never decides on a partial view of the locations, on the real S3 API. */
class OutageTests {

    final MutableClock clock = new MutableClock(Instant.now());
    final S3Locations s3 = new S3Locations(2);
    Repository repository;

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void garbageCollectionRefusesWhileALocationCannotBeListedAndDeletesNothing() {
        repository = s3.open(clock, 1);
        Map<String, byte[]> kept = Backups.randomFiles(3, 30_000, 41);
        Backups.write(repository, PROJECT, id(1), kept);
        Backups.write(repository, PROJECT, id(2), Backups.randomFiles(3, 30_000, 42));
        repository.deleteBackup(PROJECT, ENV, id(2));
        assertThat(repository.collectGarbage(PROJECT).condemnedPacks()).isPositive();
        clock.advance(Duration.ofMinutes(16));
        Map<String, byte[]> a = s3.contents(0, "");
        Map<String, byte[]> b = s3.contents(1, "");

        s3.get(1).down(true);
        assertThatThrownBy(() -> repository.collectGarbage(PROJECT)).isInstanceOf(StorageException.class)
                .hasMessageContaining("garbage collection of project " + PROJECT + " stopped")
                .hasMessageContaining("location zone-b cannot be listed");
        assertThat(s3.contents(0, "")).containsOnlyKeys(a.keySet());
        assertThat(s3.contents(1, "")).containsOnlyKeys(b.keySet());

        s3.get(1).down(false);
        assertThat(repository.collectGarbage(PROJECT).deletedPacks()).isPositive();
        assertThat(Backups.read(repository, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(kept);
    }

    @Test
    void aBackupOnlyTheUnreachableLocationHoldsIsNeverTakenForGarbage() {
        repository = s3.open(clock, 1);
        Map<String, byte[]> shared = Backups.randomFiles(3, 30_000, 43);
        Backups.write(repository, PROJECT, id(1), shared);
        s3.get(0).down(true);
        Backups.write(repository, PROJECT, id(2), shared);
        s3.get(0).down(false);
        repository.deleteBackup(PROJECT, ENV, id(1));
        s3.get(1).down(true);
        Map<String, byte[]> a = s3.contents(0, "");

        assertThatThrownBy(() -> repository.collectGarbage(PROJECT)).isInstanceOf(StorageException.class)
                .hasMessageContaining("location zone-b cannot be listed");
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> repository.collectGarbage(PROJECT)).isInstanceOf(StorageException.class);
        assertThat(s3.contents(0, "")).containsOnlyKeys(a.keySet());

        s3.get(1).down(false);
        repository.collectGarbage(PROJECT);
        clock.advance(Duration.ofMinutes(16));
        repository.collectGarbage(PROJECT);
        assertThat(Backups.read(repository, PROJECT, id(2))).containsExactlyInAnyOrderEntriesOf(shared);
    }
}
