package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.object.CountingObjectStore;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.object.S3ObjectStore;
import io.lifeboat.testing.MutableClock;
import io.lifeboat.testing.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.lifeboat.storage.repo.Backups.PROJECT;
import static io.lifeboat.storage.repo.Backups.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Large chunks stored side by side are read back with one request per run, each chunk still verified. */
class RunReadTests {

    /** One thread stores the chunks, so that they lie in the pack in the file's order, as runs. */
    static final RepositoryOptions OPTIONS = new RepositoryOptions(new ChunkerParams(160 * 1024, 256 * 1024,
            512 * 1024), 16 * 1024 * 1024, 1, Duration.ofMinutes(10), Duration.ofMinutes(15), 1, 4_000_000);
    static final int FILE = 12 * 1024 * 1024;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T04:00:00Z"));
    final InMemoryObjectStore a = new InMemoryObjectStore("zone-a", clock);
    final InMemoryObjectStore b = new InMemoryObjectStore("zone-b", clock);
    final List<Repository> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Repository::close);
    }

    Repository open(List<CountingObjectStore> stores) {
        Repository repository = Repository.open(List.copyOf(stores), stores.size(), RepositoryTests.KEYS, clock,
                OPTIONS);
        opened.add(repository);
        return repository;
    }

    @Test
    void aLargeFileIsReadInFewRequestsOfNothingElseAndComesBackIdentical() throws IOException {
        assertReadInRuns(new CountingObjectStore(new InMemoryObjectStore("zone-a", clock)));
    }

    @Test
    void aLargeFileIsReadInRunsFromARealS3Api() throws IOException {
        assertReadInRuns(new CountingObjectStore(new S3ObjectStore(new S3ObjectStore.Settings("s3proxy",
                TestInfra.s3Endpoint(), "us-east-1", "runs-" + UUID.randomUUID().toString().substring(0, 8), "runs",
                TestInfra.s3AccessKey(), TestInfra.s3SecretKey(), true))));
    }

    /** Backs a large file up to {@code store}, reads it back and checks how it was read. */
    void assertReadInRuns(CountingObjectStore store) throws IOException {
        Repository repository = open(List.of(store));
        byte[] content = random(FILE, 1);
        Backups.write(repository, PROJECT, id(1), Map.of("large.bin", content));
        SnapshotReader reader = repository.openPart(PROJECT, id(1), "files");
        TreeEntry file = reader.entries().filter(e -> e.path().equals("large.bin")).findFirst().orElseThrow();

        long before = store.requests();
        long bytesBefore = store.bytesRead();
        byte[] read;
        try (InputStream in = reader.open(file)) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(content);
        assertThat(file.chunks()).hasSizeGreaterThan(20);
        long runs = (FILE + ChunkSource.RUN_BYTES - 1) / ChunkSource.RUN_BYTES;
        assertThat(store.requests() - before).isBetween(runs, runs + 3);
        assertThat(store.bytesRead() - bytesBefore).isBetween((long) FILE, FILE + 64 * 1024L);
    }

    @Test
    void smallFilesOfOneChunkAreReadThroughWindowsWithFewRequests() throws IOException {
        CountingObjectStore store = new CountingObjectStore(new InMemoryObjectStore("zone-a", clock));
        Repository repository = open(List.of(store));
        Map<String, byte[]> files = Backups.randomFiles(200, 10_000, 5);
        Backups.write(repository, PROJECT, id(1), files);
        SnapshotReader reader = repository.openPart(PROJECT, id(1), "files");
        List<TreeEntry> entries = reader.entries().toList();

        long before = store.requests();
        for (TreeEntry entry : entries) {
            try (InputStream in = reader.open(entry)) {
                assertThat(in.readAllBytes()).isEqualTo(files.get(entry.path()));
            }
        }

        assertThat(entries).hasSize(200).allSatisfy(e -> assertThat(e.chunks()).hasSize(1));
        assertThat(store.requests() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void aFileOfManySmallStoredChunksReadsExactlyItsOwnBytes() throws IOException {
        CountingObjectStore store = new CountingObjectStore(new InMemoryObjectStore("zone-a", clock));
        Repository repository = open(List.of(store));
        StringBuilder text = new StringBuilder();
        Random random = new Random(6);
        while (text.length() < FILE / 2) {
            text.append("row ").append(random.nextInt(1_000_000)).append(" lorem ipsum dolor sit amet\n");
        }
        byte[] content = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Backups.write(repository, PROJECT, id(1), Map.of("dump.sql", content));
        SnapshotReader reader = repository.openPart(PROJECT, id(1), "files");
        TreeEntry file = reader.entries().findFirst().orElseThrow();
        PackIndex index = repository.index(PROJECT);
        long own = file.chunks().stream().distinct().mapToLong(id -> index.find(id).blob().length()).sum();

        long before = store.bytesRead();
        try (InputStream in = reader.open(file)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        assertThat(file.chunks()).allSatisfy(id -> assertThat(index.find(id).blob().length())
                .isLessThan(PackWindows.LARGE_BLOB));
        assertThat(store.bytesRead() - before).isEqualTo(own);
    }

    /** A large file backed up to locations a and b; returns the key of the pack that holds it. */
    String writeToBoth(byte[] content) {
        Backups.write(readingBoth(), PROJECT, id(1), Map.of("large.bin", content));
        return a.list("data/").filter(o -> o.size() > FILE / 2).findFirst().orElseThrow().key();
    }

    Repository readingBoth() {
        return open(List.of(new CountingObjectStore(a), new CountingObjectStore(b)));
    }

    @Test
    void aCorruptChunkInARunFailsOverToAnotherLocationOrFailsLoudly() {
        byte[] content = random(FILE, 2);
        String pack = writeToBoth(content);
        a.corrupt(pack, 3 * 1024 * 1024);

        assertThat(Backups.read(readingBoth(), PROJECT, id(1)).get("large.bin")).isEqualTo(content);

        Repository onlyA = open(List.of(new CountingObjectStore(a)));
        assertThatThrownBy(() -> Backups.read(onlyA, PROJECT, id(1)))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("backup " + id(1))
                .hasMessageContaining(pack);
    }

    @Test
    void chunksCorruptInDifferentLocationsAreEachReadFromAnIntactCopy() {
        byte[] content = random(FILE, 3);
        String pack = writeToBoth(content);
        a.corrupt(pack, 1024 * 1024);
        b.corrupt(pack, 1024 * 1024 + 300 * 1024);

        assertThat(Backups.read(readingBoth(), PROJECT, id(1)).get("large.bin")).isEqualTo(content);
    }

    @Test
    void aRunNeverHoldsOneChunkTwiceNorMoreThanItsShareOfPlaintext() {
        Repository repository = open(List.of(new CountingObjectStore(new InMemoryObjectStore("zone-a", clock))));
        byte[] block = random(700 * 1024, 4);
        byte[] content = new byte[block.length * 40];
        for (int i = 0; i < 40; i++) {
            System.arraycopy(block, 0, content, i * block.length, block.length);
        }
        Backups.write(repository, PROJECT, id(1), Map.of("repeated.bin", content));
        SnapshotReader reader = repository.openPart(PROJECT, id(1), "files");
        List<String> ids = reader.entries().findFirst().orElseThrow().chunks();
        PackIndex index = repository.index(PROJECT);
        ChunkSource source = new ChunkSource(repository, PROJECT, index);

        assertThat(ids).hasSizeGreaterThan((int) ids.stream().distinct().count());
        for (int from = 0; from < ids.size(); from++) {
            List<String> run = ids.subList(from, from + source.run(ids, from).chunks());
            assertThat(run).doesNotHaveDuplicates();
            assertThat(run.stream().mapToLong(id -> index.find(id).blob().rawLength()).sum())
                    .isLessThanOrEqualTo(ChunkSource.RUN_BYTES);
        }
        assertThat(Backups.read(repository, PROJECT, id(1)).get("repeated.bin")).isEqualTo(content);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
