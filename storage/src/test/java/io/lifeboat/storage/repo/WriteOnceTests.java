package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.StorageException;
import io.lifeboat.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;

import static io.lifeboat.storage.repo.Backups.ENV;
import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A manifest that misses its write quorum leaves no copy anywhere, on the real S3 API. */
class WriteOnceTests {

    final MutableClock clock = new MutableClock(Instant.now());
    final S3Locations s3 = new S3Locations(3);
    Repository repository;

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void aBackupManifestThatMissesTheQuorumIsRemovedFromTheLocationsThatGotIt() throws Exception {
        repository = s3.open(clock, 2);
        PartManifest part;
        try (SnapshotWriter writer = repository.newPart(PROJECT, ENV, id(1), "files", "mount")) {
            writer.file("a.bin", 0644, 0, new ByteArrayInputStream(RepositoryTests.random(100_000, 31)));
            part = writer.commit(Instant.EPOCH, Map.of());
        }
        s3.get(1).refusePuts("backups/");
        s3.get(2).refusePuts("backups/");

        assertThatThrownBy(() -> repository.commitBackup(Backups.manifest(PROJECT, id(1), part)))
                .isInstanceOf(StorageException.class).hasMessageContaining("in 1 of 3 locations, 2 required")
                .hasMessageContaining("the copies written were removed");
        for (int location = 0; location < 3; location++) {
            assertThat(s3.keys(location, "backups/")).isEmpty();
        }
        assertThat(repository.readBackup(PROJECT, ENV, id(1))).isEmpty();
        assertThat(repository.listBackups()).isEmpty();
        assertThat(repository.repair().repaired()).isZero();
        assertThat(s3.keys(0, "backups/")).isEmpty();

        s3.get(1).refusePuts(null);
        s3.get(2).refusePuts(null);
        repository.commitBackup(Backups.manifest(PROJECT, id(1), part));
        assertThat(repository.listBackups()).extracting(BackupManifest::backupId).containsExactly(id(1));
    }

    @Test
    void aPartManifestThatMissesTheQuorumIsRemovedToo() throws Exception {
        repository = s3.open(clock, 2);
        s3.get(1).refusePuts("parts/");
        s3.get(2).down(true);
        try (SnapshotWriter writer = repository.newPart(PROJECT, ENV, id(2), "files", "mount")) {
            writer.file("a.bin", 0644, 0, new ByteArrayInputStream(RepositoryTests.random(50_000, 32)));
            assertThatThrownBy(() -> writer.commit(Instant.EPOCH, Map.of())).isInstanceOf(StorageException.class)
                    .hasMessageContaining("parts/").hasMessageContaining("the copies written were removed");
        }
        assertThat(s3.keys(0, "parts/")).isEmpty();
        assertThat(s3.keys(1, "parts/")).isEmpty();
    }
}
