package io.lifeboat.storage.repo;

import io.lifeboat.testing.ChildProcesses;
import io.lifeboat.storage.object.FilesystemObjectStore;
import io.lifeboat.storage.object.InMemoryObjectStore;
import io.lifeboat.storage.object.ObjectInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.lifeboat.storage.repo.Backups.ENV;
import static io.lifeboat.storage.repo.Backups.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Faults with real processes and real threads: a writer killed mid-upload, reclaim racing backups. */
class CrashSafetyTests {

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidUploadLeavesNoBackupAndItsLeftoversAreReclaimed() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process writer = ChildProcesses.start(new ProcessBuilder(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), CrashingWriter.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-writer.log").toFile()));
        FilesystemObjectStore store = new FilesystemObjectStore("disk", dir);
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> store.list("data/").count() >= 3);
        } finally {
            ChildProcesses.stop(writer, Duration.ZERO);
        }
        assertThat(writer.exitValue()).isNotZero();
        assertThat(store.list("leases/").toList()).hasSize(1);

        try (Repository repository = Repository.open(List.of(store), 1, RepositoryTests.ring("k1", 1),
                Clock.systemUTC(), CrashingWriter.OPTIONS)) {
            assertThat(repository.listBackups()).isEmpty();
            assertThat(repository.readBackup(PROJECT, ENV, Backups.id(99))).isEmpty();
            assertThat(store.list("parts/").toList()).isEmpty();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                repository.collectGarbage(PROJECT);
                return store.list("data/").findAny().isEmpty() && store.list("leases/").findAny().isEmpty();
            });
        }
    }

    @Test
    void reclaimRunningAlongsideBackupsNeverLosesData() throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore("memory", Clock.systemUTC());
        RepositoryOptions options = RepositoryTests.OPTIONS.withGcGrace(Duration.ZERO);
        Map<String, Map<String, byte[]>> kept = new HashMap<>();
        try (Repository repository = Repository.open(List.of(store), 1, RepositoryTests.ring("k1", 1),
                Clock.systemUTC(), options)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger collections = new AtomicInteger();
            CompletableFuture<Void> reclaim = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    repository.collectGarbage(PROJECT);
                    collections.incrementAndGet();
                }
            });
            Map<String, byte[]> shared = Backups.randomFiles(5, 50_000, 100);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                Map<String, byte[]> files = new HashMap<>(shared);
                files.putAll(Backups.randomFiles(3, 40_000, 200 + i));
                String id = Backups.id(i);
                Backups.write(repository, PROJECT, id, files);
                kept.put(id, files);
                ids.add(id);
                if (ids.size() > 3) {
                    String old = ids.removeFirst();
                    repository.deleteBackup(PROJECT, ENV, old);
                    kept.remove(old);
                }
            }
            writing.set(false);
            reclaim.join();
            assertThat(collections.get()).isPositive();
            for (var backup : kept.entrySet()) {
                assertThat(Backups.read(repository, PROJECT, backup.getKey()))
                        .containsExactlyInAnyOrderEntriesOf(backup.getValue());
                assertThat(repository.verify(PROJECT, ENV, backup.getKey(), 1.0).errors()).isEmpty();
            }
            long before = store.list("data/").mapToLong(ObjectInfo::size).sum();
            repository.collectGarbage(PROJECT);
            repository.collectGarbage(PROJECT);
            long after = store.list("data/").mapToLong(ObjectInfo::size).sum();
            assertThat(after).isLessThanOrEqualTo(before).isLessThan(3L * 8 * 60_000 + 5 * 60_000);
            for (var backup : kept.entrySet()) {
                assertThat(Backups.read(repository, PROJECT, backup.getKey()))
                        .containsExactlyInAnyOrderEntriesOf(backup.getValue());
            }
        }
    }
}
