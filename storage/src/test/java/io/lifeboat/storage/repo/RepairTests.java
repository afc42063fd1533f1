package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.StorageException;
import io.lifeboat.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Under-replicated objects are copied to every location, on the real S3 API. */
class RepairTests {

    final MutableClock clock = new MutableClock(Instant.now());
    final S3Locations s3 = new S3Locations(3);
    Repository repository;

    @AfterEach
    void close() {
        s3.close();
    }

    Repository open() {
        repository = s3.open(clock, 2);
        return repository;
    }

    @Test
    void anObjectWrittenWhileALocationWasDownIsCopiedThereByteForByte() {
        Repository repository = open();
        s3.get(2).down(true);
        Map<String, byte[]> files = Backups.randomFiles(20, 40_000, 21);
        Backups.write(repository, PROJECT, id(1), files);
        assertThat(s3.keys(2, "")).containsExactly(RepositoryLayout.CONFIG);

        s3.get(2).down(false);
        RepairReport report = repository.repair();

        assertThat(report.problems()).isEmpty();
        assertThat(report.repaired()).isPositive();
        Map<String, byte[]> a = s3.contents(0, "");
        assertThat(a.keySet()).anyMatch(k -> k.startsWith("data/")).anyMatch(k -> k.startsWith("backups/"))
                .noneMatch(k -> k.startsWith("leases/"));
        for (int location = 1; location < 3; location++) {
            Map<String, byte[]> other = s3.contents(location, "");
            assertThat(other.keySet()).containsExactlyElementsOf(a.keySet());
            a.forEach((key, bytes) -> assertThat(other.get(key)).as(key).isEqualTo(bytes));
        }
        try (Repository onlyC = Repository.open(List.of(s3.get(2)), 1, RepositoryTests.KEYS, clock,
                RepositoryTests.OPTIONS)) {
            assertThat(Backups.read(onlyC, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(files);
        }
        assertThat(repository.repair().repaired()).isZero();
    }

    @Test
    void aCopyThatFailsVerificationIsNeverTheSource() {
        Repository repository = open();
        s3.get(2).down(true);
        Backups.write(repository, PROJECT, id(1), Backups.randomFiles(5, 40_000, 22));
        String pack = s3.keys(0, "data/").getFirst();
        byte[] good = s3.raw.get(1).get(pack);
        byte[] bad = good.clone();
        bad[10] ^= 1;
        s3.raw.get(0).put(pack, bad);

        s3.get(2).down(false);
        RepairReport report = repository.repair();

        assertThat(s3.raw.get(2).get(pack)).isEqualTo(good);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p).contains("zone-a").contains(pack));
    }

    @Test
    void repairStopsWhenALocationCannotBeListedAndCopiesNothing() {
        Repository repository = open();
        s3.get(2).down(true);
        Backups.write(repository, PROJECT, id(1), Backups.randomFiles(3, 10_000, 23));
        s3.get(1).down(true);
        s3.get(2).down(false);

        assertThatThrownBy(repository::repair).isInstanceOf(StorageException.class)
                .hasMessageContaining("location zone-b cannot be listed");
        assertThat(s3.keys(2, "")).containsExactly(RepositoryLayout.CONFIG);
    }
}
