package io.lifeboat.bench;

import io.lifeboat.connector.Connector;
import io.lifeboat.connector.Connectors;
import io.lifeboat.connector.PartContext;
import io.lifeboat.connector.SnapshotSession;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.contracts.PartSpec;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.object.CountingObjectStore;
import io.lifeboat.storage.object.S3ObjectStore;
import io.lifeboat.storage.repo.BackupManifest;
import io.lifeboat.storage.repo.PartManifest;
import io.lifeboat.storage.repo.Repository;
import io.lifeboat.storage.repo.RepositoryOptions;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.SnapshotWriter;
import io.lifeboat.storage.repo.TreeEntry;

import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Lifeboat's worker path, measured: a connector snapshots a part into the storage engine on S3, or restores
 * it, exactly as the snapshot and restore workers do, without the Kafka hops. Prints one JSON line.
 *
 * <pre>
 * Bench backup  postgresql|mount SOURCE BACKUP_ID [PROJECT]   SOURCE: a database name or a directory
 * Bench restore postgresql|mount TARGET BACKUP_ID [PROJECT]
 * Bench stream  BYTES BACKUP_ID                         a synthetic stream in, then read back and hashed
 * Bench primitives FILE                                 single-core MB/s of FastCDC, HMAC-SHA256, zstd and
 *                                                       AES-GCM on 256 MiB spread over FILE (no storage)
 * Bench warm-up DATABASE DIRECTORY                      backs up and restores both once, untimed, in a
 *                                                       project of its own, so that the JIT has compiled
 *                                                       the worker's paths before anything is measured
 * Bench serve                                           reads such commands from stdin, one per line, in
 *                                                       one long-lived JVM, as a worker service runs
 * </pre>
 * Storage and keys come from LIFEBOAT_BENCH_S3, LIFEBOAT_BENCH_BUCKET and LIFEBOAT_BENCH_MASTER_KEY.
 */
public final class Bench {

    static final EnvironmentRef ENV = new EnvironmentRef("bench", "main");
    static final EnvironmentRef WARM_UP = new EnvironmentRef("warm-up", "main");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("primitives")) {
            System.out.println("{\"command\":\"primitives\"," + Primitives.run(java.nio.file.Path.of(args[1])) + "}");
            return;
        }
        String endpoint = System.getenv("LIFEBOAT_BENCH_S3");
        CountingObjectStore store = new CountingObjectStore(endpoint.equals("memory")
                ? new io.lifeboat.storage.object.InMemoryObjectStore("memory", Clock.systemUTC())
                : new S3ObjectStore(new S3ObjectStore.Settings("s3proxy", URI.create(endpoint), "us-east-1",
                System.getenv("LIFEBOAT_BENCH_BUCKET"), "", "lifeboat", "lifeboat-secret", true)));
        MasterKeyRing keys = MasterKeyRing.parse(List.of(System.getenv("LIFEBOAT_BENCH_MASTER_KEY")));
        try (Repository repository = Repository.open(List.of(store), 1, keys, Clock.systemUTC(),
                RepositoryOptions.defaults())) {
            if (args[0].equals("serve")) {
                java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        run(repository, store, line.trim().split("\\s+"));
                    }
                }
            } else {
                run(repository, store, args);
            }
        }
    }

    static void run(Repository repository, CountingObjectStore store, String[] args) throws Exception {
        long requests = store.requests();
        long written = store.bytesWritten();
        long read = store.bytesRead();
        long start = System.nanoTime();
        String result;
        try {
            result = switch (args[0]) {
                case "backup" -> backup(repository, env(args), spec(args[1], args[2]), args[3]);
                case "restore" -> restore(repository, env(args), spec(args[1], args[2]), args[3]);
                case "warm-up" -> WarmUp.run(repository, args[1], java.nio.file.Path.of(args[2]));
                case "stream" -> stream(repository, Long.parseLong(args[1]), args[2]);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        } catch (RuntimeException e) {
            result = "\"error\":\"" + String.valueOf(e.getMessage()).replace('"', '\'') + "\"";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("{\"command\":\"%s\",\"wall_ms\":%d,\"requests\":%d,\"bytes_written\":%d,"
                        + "\"bytes_read\":%d,%s}%n", args[0], millis, store.requests() - requests,
                store.bytesWritten() - written, store.bytesRead() - read, result);
        System.out.flush();
    }

    /** The measured project, or the one named by the optional PROJECT argument (trials that must not deduplicate). */
    static EnvironmentRef env(String[] args) {
        return args.length > 4 ? new EnvironmentRef(args[4], "main") : ENV;
    }

    static PartSpec spec(String type, String where) {
        return switch (type) {
            case "postgresql" -> new PartSpec("database", type, Map.of("host", "127.0.0.1", "port", "5432",
                    "database", where, "user", "postgres", "jobs", "2"), null);
            case "mount" -> new PartSpec("uploads", type, Map.of("path",
                    java.nio.file.Path.of(where).toAbsolutePath().normalize().toString()), null);
            default -> throw new IllegalArgumentException("unknown part type " + type);
        };
    }

    /** The bench's directories are its own: each one's parent is its root. */
    static FileRoots roots(PartSpec part) {
        String path = part.setting("path");
        return path == null ? FileRoots.none()
                : FileRoots.of(List.of(java.nio.file.Path.of(path).getParent().toString()));
    }

    static String backup(Repository repository, EnvironmentRef env, PartSpec part, String backupId) {
        Connector connector = new Connectors().get(part.type());
        PartManifest manifest;
        try (SnapshotSession session = connector.openSnapshot(new PartContext(env, part, null, backupId, roots(part)));
             SnapshotWriter writer = repository.newPart(env.project(), env.environment(), backupId, part.name(),
                     part.type())) {
            Instant at = session.cut();
            manifest = writer.commit(at, session.stream(writer));
        }
        repository.commitBackup(new BackupManifest(BackupManifest.FORMAT, env.project(), env.environment(), backupId,
                manifest.createdAt(), Instant.now(), false, false, "bench", null, List.of(new BackupManifest.PartRef(
                part.name(), part.type(), manifest.bytes(), manifest.storedBytes(), manifest.pointInTime())), null, 0,
                Map.of()));
        return "\"bytes\":%d,\"new_bytes\":%d,\"stored_bytes\":%d,\"new_chunks\":%d,\"reused_chunks\":%d".formatted(
                manifest.bytes(), manifest.newBytes(), manifest.storedBytes(), manifest.newChunks(),
                manifest.reusedChunks());
    }

    static String restore(Repository repository, EnvironmentRef env, PartSpec part, String backupId) {
        Connector connector = new Connectors().get(part.type());
        SnapshotReader reader = repository.openPart(env.project(), backupId, part.name());
        try (StagedRestore staged = connector.stage(new PartContext(env, part, null, "r" + backupId, roots(part)), reader)) {
            staged.switchOver();
            return "\"bytes\":" + staged.bytes();
        }
    }

    static String stream(Repository repository, long size, String backupId) throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        PartManifest manifest;
        try (SnapshotWriter writer = repository.newPart(ENV.project(), ENV.environment(), backupId, "stream",
                "synthetic")) {
            writer.file("stream.bin", 0600, 0, new SyntheticStream(size, written));
            manifest = writer.commit(Instant.now(), Map.of());
        }
        long backupDone = System.nanoTime();
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        SnapshotReader reader = repository.openPart(ENV.project(), backupId, "stream");
        TreeEntry file = reader.entries().findFirst().orElseThrow();
        long total = 0;
        try (InputStream in = reader.open(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                read.update(buffer, 0, n);
                total += n;
            }
        }
        boolean same = MessageDigest.isEqual(written.digest(), read.digest());
        return ("\"bytes\":%d,\"stored_bytes\":%d,\"read_back\":%d,\"identical\":%s,\"max_heap_mib\":%d,"
                + "\"read_ms\":%d").formatted(manifest.bytes(), manifest.storedBytes(), total, same,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), (System.nanoTime() - backupDone) / 1_000_000);
    }

    /** Half random, half text-like bytes, generated on the fly, hashed as they are read. */
    static final class SyntheticStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private final Random random = new Random(1);
        private final byte[] block = new byte[1 << 20];
        private long position;
        private int offset = block.length;

        SyntheticStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int length) {
            if (position >= size) {
                return -1;
            }
            if (offset == block.length) {
                if ((position / block.length) % 2 == 0) {
                    random.nextBytes(block);
                } else {
                    byte[] line = ("row " + position + " lorem ipsum dolor sit amet\n").getBytes();
                    for (int i = 0; i < block.length; i++) {
                        block[i] = line[i % line.length];
                    }
                }
                offset = 0;
            }
            int n = (int) Math.min(Math.min(length, block.length - offset), size - position);
            System.arraycopy(block, offset, buffer, off, n);
            digest.update(block, offset, n);
            offset += n;
            position += n;
            return n;
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private Bench() {
    }
}
