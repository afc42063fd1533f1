package io.lifeboat.storage.object;

import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.storage.repo.TreeEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link ObjectStore}, run against every implementation; and a repository round trip on
 * each of them, so that the whole storage engine is proven on every backend.
 */
public abstract class ObjectStoreConformance {

    protected ObjectStore store;

    protected abstract ObjectStore create(String name);

    @BeforeEach
    void open() {
        store = create("conformance");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void putThenGetReturnsTheSameBytes() {
        byte[] data = random(100_000, 1);
        store.put("a/b/object", data);
        assertThat(store.get("a/b/object")).isEqualTo(data);
        assertThat(store.stat("a/b/object")).get().extracting(ObjectInfo::size).isEqualTo(100_000L);
    }

    @Test
    void putReplacesAndIsIdempotent() {
        store.put("k", "one".getBytes(StandardCharsets.UTF_8));
        store.put("k", "one".getBytes(StandardCharsets.UTF_8));
        store.put("k", "two".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(store.get("k"), StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void emptyObjectsAreObjects() {
        store.put("empty", new byte[0]);
        assertThat(store.get("empty")).isEmpty();
        assertThat(store.stat("empty")).isPresent();
    }

    @Test
    void rangesReturnExactlyTheRequestedBytes() {
        byte[] data = random(10_000, 2);
        store.put("ranged", data);
        assertThat(store.getRange("ranged", 1234, 100)).isEqualTo(java.util.Arrays.copyOfRange(data, 1234, 1334));
        assertThat(store.getRange("ranged", 0, 10_000)).isEqualTo(data);
    }

    @Test
    void missingKeysAreNotFoundAndPermanent() {
        assertThatThrownBy(() -> store.get("missing")).isInstanceOf(ObjectNotFoundException.class)
                .satisfies(e -> assertThat(((StorageException) e).permanent()).isTrue())
                .hasMessageContaining("missing").hasMessageContaining(store.name());
        assertThatThrownBy(() -> store.getRange("missing", 0, 1)).isInstanceOf(ObjectNotFoundException.class);
        assertThat(store.stat("missing")).isEmpty();
    }

    @Test
    void deleteIsIdempotent() {
        store.put("gone", new byte[] {1});
        store.delete("gone");
        store.delete("gone");
        assertThat(store.stat("gone")).isEmpty();
    }

    @Test
    void listReturnsKeysUnderThePrefixInOrder() {
        for (String key : List.of("p/b/2", "p/a/1", "p/b/1", "q/1", "pa/1")) {
            store.put(key, new byte[] {7});
        }
        assertThat(store.list("p/").map(ObjectInfo::key).toList()).containsExactly("p/a/1", "p/b/1", "p/b/2");
        assertThat(store.list("p/b/").map(ObjectInfo::key).toList()).containsExactly("p/b/1", "p/b/2");
        assertThat(store.list("none/").toList()).isEmpty();
    }

    @Test
    void keysCannotEscapeTheStore() {
        assertThatThrownBy(() -> store.put("../outside", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/absolute", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("a/./b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRepositoryRoundTripsOnThisBackend() throws Exception {
        MasterKeyRing keys = MasterKeyRing.parse(List.of("k1:" + java.util.Base64.getEncoder()
                .encodeToString(random(32, 3))));
        RepositoryOptions options = RepositoryOptions.defaults().withPackSize(1 << 20);
        byte[] big = random(3 * 1024 * 1024, 4);
        String backup = "0000000000000000000000000000abcd";
        try (Repository repository = Repository.open(List.of(store), 1, keys, Clock.systemUTC(), options)) {
            PartManifest part;
            try (SnapshotWriter writer = repository.newPart("acme", "main", backup, "files", "mount")) {
                writer.directory("dir", 0755, 1_000_000_000L);
                writer.file("dir/big.bin", 0644, 2_000_000_000L, new ByteArrayInputStream(big));
                writer.file("empty", 0600, 3_000_000_000L, InputStream.nullInputStream());
                writer.symlink("link", "dir/big.bin", 4_000_000_000L);
                part = writer.commit(Instant.now(), Map.of());
            }
            repository.commitBackup(new BackupManifest(1, "acme", "main", backup, Instant.now(), Instant.now(), true,
                    false, "api", null, List.of(new BackupManifest.PartRef("files", "mount", part.bytes(),
                    part.storedBytes(), null)), null, 0, Map.of()));
            SnapshotReader reader = repository.openPart("acme", backup, "files");
            List<TreeEntry> entries = reader.entries().toList();
            assertThat(entries).extracting(TreeEntry::path).containsExactly("dir", "dir/big.bin", "empty", "link");
            try (InputStream in = reader.open(entries.get(1))) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            assertThat(entries.get(3).target()).isEqualTo("dir/big.bin");
            assertThat(repository.listBackups()).extracting(BackupManifest::backupId).containsExactly(backup);
            assertThat(repository.verify("acme", "main", backup, 1.0).errors()).isEmpty();
        }
    }

    protected static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
