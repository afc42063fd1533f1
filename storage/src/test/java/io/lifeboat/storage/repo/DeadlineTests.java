package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.StorageException;
import io.lifeboat.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.lifeboat.storage.repo.Backups.ENV;
import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A commit after its deadline writes no manifest, on the real S3 API. */
class DeadlineTests {

    final MutableClock clock = new MutableClock(Instant.now());
    final S3Locations s3 = new S3Locations(2);
    Repository repository;

    @AfterEach
    void close() {
        s3.close();
    }

    Repository open() {
        repository = s3.open(clock, 2);
        return repository;
    }

    PartManifest part(String backupId) throws Exception {
        try (SnapshotWriter writer = repository.newPart(PROJECT, ENV, backupId, "files", "mount")) {
            writer.file("a.bin", 0644, 0, new ByteArrayInputStream(RepositoryTests.random(80_000, 51)));
            return writer.commit(Instant.EPOCH, Map.of(), clock.instant().plus(Duration.ofHours(1)));
        }
    }

    @Test
    void aBackupCommittedAfterItsDeadlineHasNoManifestAnywhere() throws Exception {
        open();
        Instant deadline = clock.instant().plus(Duration.ofHours(6));
        PartManifest part = part(id(1));
        clock.set(deadline);

        assertThatThrownBy(() -> repository.commitBackup(Backups.manifest(PROJECT, id(1), part), deadline))
                .isInstanceOf(StorageException.class).hasMessageContaining("backup " + id(1) + " is not committed")
                .hasMessageContaining("deadline " + deadline + " has passed")
                .satisfies(e -> assertThat(((StorageException) e).permanent()).isTrue());
        assertThat(s3.keys(0, "backups/")).isEmpty();
        assertThat(s3.keys(1, "backups/")).isEmpty();
        assertThat(repository.readBackup(PROJECT, ENV, id(1))).isEmpty();

        PartManifest second = part(id(2));
        repository.commitBackup(Backups.manifest(PROJECT, id(2), second), clock.instant().plusSeconds(1));
        assertThat(repository.listBackups()).extracting(BackupManifest::backupId).containsExactly(id(2));
    }

    @Test
    void aPartWhoseUploadsOutlastItsDeadlineIsNotCommitted() throws Exception {
        open();
        Instant deadline = clock.instant().plus(Duration.ofMinutes(5));
        s3.get(0).beforePut(key -> {
            if (key.startsWith("data/")) {
                clock.set(deadline.plusSeconds(1));
            }
        });
        try (SnapshotWriter writer = repository.newPart(PROJECT, ENV, id(3), "files", "mount")) {
            writer.file("a.bin", 0644, 0, new ByteArrayInputStream(RepositoryTests.random(80_000, 52)));
            assertThatThrownBy(() -> writer.commit(Instant.EPOCH, Map.of(), deadline))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("part files of backup " + id(3) + " is not committed");
        }
        for (int location = 0; location < 2; location++) {
            assertThat(s3.keys(location, "parts/")).isEmpty();
            assertThat(s3.keys(location, "index/")).isEmpty();
        }
    }
}
