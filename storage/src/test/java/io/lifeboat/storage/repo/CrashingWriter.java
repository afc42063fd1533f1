package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.FilesystemObjectStore;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Run in its own JVM by {@link CrashSafetyTests}: writes an endless part until the test kills it. */
public final class CrashingWriter {

    static final RepositoryOptions OPTIONS = RepositoryOptions.defaults()
            .withChunker(new ChunkerParams(16 * 1024, 64 * 1024, 256 * 1024))
            .withPackSize(512 * 1024)
            .withLeaseTtl(Duration.ofSeconds(3))
            .withGcGrace(Duration.ofSeconds(1));

    public static void main(String[] args) throws Exception {
        MasterKeyRing keys = RepositoryTests.ring("k1", 1);
        Repository repository = Repository.open(List.of(new FilesystemObjectStore("disk", Path.of(args[0]))), 1, keys,
                Clock.systemUTC(), OPTIONS);
        Random random = new Random(7);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return random.nextInt(256);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                byte[] chunk = new byte[length];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, buffer, offset, length);
                return length;
            }
        };
        SnapshotWriter writer = repository.newPart(Backups.PROJECT, Backups.ENV, Backups.id(99), "files", "mount");
        System.out.println("writing");
        writer.file("endless.bin", 0644, 0, endless);
    }

    private CrashingWriter() {
    }
}
