package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;
import io.lifeboat.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.lifeboat.storage.repo.Backups.ENV;
import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryTests {

    static final MasterKeyRing KEYS = ring("k1", 1);
    static final RepositoryOptions OPTIONS = RepositoryOptions.defaults()
            .withChunker(new ChunkerParams(4 * 1024, 16 * 1024, 64 * 1024))
            .withPackSize(256 * 1024)
            .withGcGrace(Duration.ofMinutes(15));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T04:00:00Z"));
    final List<Repository> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Repository::close);
    }

    Repository open(List<? extends ObjectStore> stores, int quorum, MasterKeyRing keys) {
        Repository repository = Repository.open(List.copyOf(stores), quorum, keys, clock, OPTIONS);
        opened.add(repository);
        return repository;
    }

    InMemoryObjectStore memory(String name) {
        return new InMemoryObjectStore(name, clock);
    }

    @Test
    void aSecondBackupStoresOnlyWhatChanged() {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        Map<String, byte[]> files = Backups.randomFiles(200, 20_000, 1);
        PartManifest first = Backups.write(repository, PROJECT, id(1), files);
        files.put("f7.bin", new byte[20_000]);
        files.get("f8.bin")[100] ^= 1;
        PartManifest second = Backups.write(repository, PROJECT, id(2), files);

        assertThat(first.bytes()).isEqualTo(200 * 20_000);
        assertThat(first.newBytes()).isBetween(200L * 20_000, 200L * 20_000 + 100_000);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.newBytes()).isLessThan(first.newBytes() / 50);
        assertThat(Backups.read(repository, PROJECT, id(2))).containsExactlyInAnyOrderEntriesOf(files);
    }

    @Test
    void corruptionFailsLoudlyNamingTheBackupThePartAndTheObject() {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        Backups.write(repository, PROJECT, id(1), Map.of("data.bin", random(200_000, 2)));
        String pack = store.list("data/").findFirst().orElseThrow().key();
        store.corrupt(pack, 100);

        assertThatThrownBy(() -> Backups.read(repository, PROJECT, id(1)))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("backup " + id(1)).hasMessageContaining("part files")
                .hasMessageContaining(pack).hasMessageContaining("zone-a");
        VerifyReport report = repository.verify(PROJECT, ENV, id(1), 1.0);
        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains(pack).contains("failed authentication"));
    }

    @Test
    void aCorruptCopyInOneLocationFailsOverToAnother() {
        InMemoryObjectStore a = memory("zone-a");
        InMemoryObjectStore b = memory("zone-b");
        Repository repository = open(List.of(a, b), 2, KEYS);
        Map<String, byte[]> files = Map.of("data.bin", random(300_000, 3));
        Backups.write(repository, PROJECT, id(1), files);
        a.list("data/").forEach(o -> a.corrupt(o.key(), 50));

        assertThat(Backups.read(repository, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(files);
        VerifyReport report = repository.verify(PROJECT, ENV, id(1), 1.0);
        assertThat(report.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("zone-a"));
    }

    @Test
    void aRestoreSucceedsWithOneLocationDown() {
        SwitchableStore a = new SwitchableStore(memory("zone-a"));
        SwitchableStore b = new SwitchableStore(memory("zone-b"));
        Map<String, byte[]> files = Backups.randomFiles(20, 50_000, 4);
        Backups.write(open(List.of(a, b), 2, KEYS), PROJECT, id(1), files);

        a.down(true);
        Repository reopened = open(List.of(a, b), 2, KEYS);
        assertThat(Backups.read(reopened, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(files);
    }

    @Test
    void aBackupIsNotCompleteUntilItIsInTheQuorumOfLocations() {
        SwitchableStore a = new SwitchableStore(memory("zone-a"));
        SwitchableStore b = new SwitchableStore(memory("zone-b"));
        Repository repository = open(List.of(a, b), 2, KEYS);
        Backups.write(repository, PROJECT, id(1), Map.of("x", random(10, 5)));
        b.down(true);

        assertThatThrownBy(() -> Backups.write(repository, PROJECT, id(2), Map.of("y", random(100_000, 6))))
                .isInstanceOf(StorageException.class).hasMessageContaining("1 of 2 locations");
        b.down(false);
        assertThat(repository.listBackups()).extracting(BackupManifest::backupId).containsExactly(id(1));
    }

    @Test
    void oneProjectsKeysCannotReadAnotherProjectsData() {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        Backups.write(repository, "tenant-a", id(1), Map.of("secret.txt", "tenant a's secret".getBytes()));
        Backups.write(repository, "tenant-b", id(2), Map.of("other.txt", random(1000, 7)));

        PackIndex.Location blob = repository.index("tenant-a").packs().stream().findFirst()
                .map(p -> new PackIndex.Location(p, p.blobs().getFirst())).orElseThrow();
        String packKey = RepositoryLayout.pack("tenant-a", blob.pack().pack());
        byte[] sealed = store.getRange(packKey, blob.blob().offset(), blob.blob().length());
        var tenantBKeys = repository.keys().forWriting("tenant-b");
        assertThatThrownBy(() -> ChunkSource.open(tenantBKeys, blob.blob(), sealed, 0, sealed.length, packKey))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("failed authentication");
        String tenantAKeyId = repository.keys().forWriting("tenant-a").keyId();
        assertThat(tenantBKeys.chunkId("tenant a's secret".getBytes(), 0, 17))
                .isNotEqualTo(repository.keys().byId("tenant-a", tenantAKeyId)
                        .chunkId("tenant a's secret".getBytes(), 0, 17));
    }

    @Test
    void readersRefuseFormatsTheyDoNotKnow() {
        InMemoryObjectStore store = memory("zone-a");
        store.put(RepositoryLayout.CONFIG, """
                {"format":2,"repository_id":"x","created_at":"2030-01-01T00:00:00Z",
                 "chunk_min":4096,"chunk_avg":16384,"chunk_max":65536}""".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> open(List.of(store), 1, KEYS)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("repository format 2 is not supported");

        InMemoryObjectStore fresh = memory("zone-b");
        Repository repository = open(List.of(fresh), 1, KEYS);
        PartManifest part = Backups.write(repository, PROJECT, id(1), Map.of("a", random(10, 8)));
        PartManifest future = new PartManifest(99, PROJECT, ENV, id(1), "files", "mount", part.createdAt(), null,
                part.tree(), 1, 10, 10, 10, 1, 0, List.of(), Map.of());
        String key = RepositoryLayout.part(PROJECT, id(1), "files");
        repository.writeDocument(key, PartManifest.KIND, PROJECT, future);
        assertThatThrownBy(() -> repository.openPart(PROJECT, id(1), "files"))
                .hasMessageContaining("format 99, newer than this Lifeboat reads");
    }

    @Test
    void rotatingTheMasterKeyKeepsEveryBackupReadable() {
        InMemoryObjectStore store = memory("zone-a");
        Map<String, byte[]> files = Map.of("a.bin", random(50_000, 9));
        Backups.write(open(List.of(store), 1, KEYS), PROJECT, id(1), files);

        Repository both = open(List.of(store), 1, new MasterKeyRing(List.of(ring("k2", 2).current(),
                KEYS.current())));
        assertThat(both.rotateMasterKey()).isEqualTo(1);
        Repository newOnly = open(List.of(store), 1, ring("k2", 2));
        assertThat(Backups.read(newOnly, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(files);
        assertThatThrownBy(() -> Backups.read(open(List.of(store), 1, KEYS), PROJECT, id(1)))
                .hasMessageContaining("master key k2, which is not configured");
    }

    @Test
    void deletedBackupsAreReclaimedWithinTheGracePeriod() {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        Map<String, byte[]> shared = Backups.randomFiles(10, 30_000, 10);
        Backups.write(repository, PROJECT, id(1), shared);
        Map<String, byte[]> more = new HashMap<>(shared);
        more.putAll(Map.of("only-in-2.bin", random(400_000, 11)));
        Backups.write(repository, PROJECT, id(2), more);
        long before = bytes(store, "data/");

        repository.deleteBackup(PROJECT, ENV, id(2));
        GcReport condemn = repository.collectGarbage(PROJECT);
        assertThat(condemn.condemnedPacks()).isPositive();
        assertThat(condemn.deletedPacks()).isZero();
        clock.advance(Duration.ofMinutes(16));
        GcReport delete = repository.collectGarbage(PROJECT);

        assertThat(delete.deletedPacks()).isEqualTo(condemn.condemnedPacks());
        assertThat(bytes(store, "data/")).isLessThan(before - 350_000);
        assertThat(Backups.read(repository, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(shared);
        assertThat(repository.verify(PROJECT, ENV, id(1), 1.0).errors()).isEmpty();
    }

    @Test
    void aWriterThatStartedBeforeACondemnationKeepsWhatItReuses() throws Exception {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        byte[] data = random(500_000, 12);
        Backups.write(repository, PROJECT, id(1), Map.of("a.bin", data));

        SnapshotWriter running = repository.newPart(PROJECT, ENV, id(2), "files", "mount");
        running.file("a.bin", 0644, 0, new ByteArrayInputStream(data));
        repository.deleteBackup(PROJECT, ENV, id(1));
        assertThat(repository.collectGarbage(PROJECT).condemnedPacks()).isPositive();
        clock.advance(Duration.ofMinutes(8));
        running.renewLease();
        clock.advance(Duration.ofMinutes(8));
        running.renewLease();
        GcReport whileRunning = repository.collectGarbage(PROJECT);
        assertThat(whileRunning.deletedPacks()).isZero();
        assertThat(whileRunning.postponed()).isPositive();

        PartManifest part = running.commit(Instant.EPOCH, Map.of());
        repository.commitBackup(Backups.manifest(PROJECT, id(2), part));
        running.close();
        clock.advance(Duration.ofMinutes(16));
        assertThat(repository.collectGarbage(PROJECT).deletedPacks()).isZero();
        assertThat(Backups.read(repository, PROJECT, id(2))).containsEntry("a.bin", data);
    }

    @Test
    void aWriterThatStartsAfterACondemnationNeverReusesCondemnedPacks() {
        InMemoryObjectStore store = memory("zone-a");
        Repository repository = open(List.of(store), 1, KEYS);
        byte[] data = random(500_000, 13);
        Backups.write(repository, PROJECT, id(1), Map.of("a.bin", data));
        repository.deleteBackup(PROJECT, ENV, id(1));
        repository.collectGarbage(PROJECT);

        PartManifest part = Backups.write(repository, PROJECT, id(2), Map.of("a.bin", data));
        assertThat(part.reusedChunks()).isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(repository.collectGarbage(PROJECT).deletedPacks()).isPositive();
        assertThat(Backups.read(repository, PROJECT, id(2))).containsEntry("a.bin", data);
    }

    @Test
    void markingInBoundedPassesFindsTheSameLiveData() {
        InMemoryObjectStore store = memory("zone-a");
        Repository tight = Repository.open(List.of(store), 1, KEYS, clock, OPTIONS.withGcMaxChunksInMemory(5));
        opened.add(tight);
        Map<String, byte[]> files = Backups.randomFiles(40, 40_000, 14);
        Backups.write(tight, PROJECT, id(1), files);
        Backups.write(tight, PROJECT, id(2), Backups.randomFiles(5, 40_000, 15));
        tight.deleteBackup(PROJECT, ENV, id(2));
        tight.collectGarbage(PROJECT);
        clock.advance(Duration.ofMinutes(16));
        assertThat(tight.collectGarbage(PROJECT).deletedPacks()).isPositive();
        assertThat(Backups.read(tight, PROJECT, id(1))).containsExactlyInAnyOrderEntriesOf(files);
    }

    @Test
    void verifyCanSampleAndChecksEveryLocation() {
        Repository repository = open(List.of(memory("zone-a"), memory("zone-b")), 2, KEYS);
        Backups.write(repository, PROJECT, id(1), Backups.randomFiles(100, 20_000, 16));
        VerifyReport all = repository.verify(PROJECT, ENV, id(1), 1.0);
        VerifyReport sample = repository.verify(PROJECT, ENV, id(1), 0.2);
        assertThat(all.ok()).isTrue();
        assertThat(all.chunksChecked()).isGreaterThanOrEqualTo(2 * 100);
        assertThat(sample.chunksChecked()).isPositive().isLessThan(all.chunksChecked());
    }

    @Test
    void treePathsThatEscapeTheTargetAreRefused() {
        for (String path : List.of("../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "./a")) {
            assertThatThrownBy(() -> TreeEntry.checkPath(path)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TreeEntry.checkPath("a/b..c/d")).isEqualTo("a/b..c/d");
        assertThat(TreeEntry.checkPath("a\\..\\b")).isEqualTo("a\\..\\b");
    }

    static long bytes(ObjectStore store, String prefix) {
        return store.list(prefix).mapToLong(ObjectInfo::size).sum();
    }

    static MasterKeyRing ring(String id, long seed) {
        return MasterKeyRing.parse(List.of(id + ":" + Base64.getEncoder().encodeToString(random(32, seed))));
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
