package io.lifeboat.storage.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes and reads whole test backups of one part named "files". */
final class Backups {

    static final String PROJECT = "acme";
    static final String ENV = "main";

    static String id(int n) {
        return "%032x".formatted(n);
    }

    static PartManifest write(Repository repository, String project, String backupId, Map<String, byte[]> files) {
        PartManifest part;
        try (SnapshotWriter writer = repository.newPart(project, ENV, backupId, "files", "mount")) {
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                writer.file(file.getKey(), 0644, 0, new ByteArrayInputStream(file.getValue()));
            }
            part = writer.commit(Instant.EPOCH, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.commitBackup(manifest(project, backupId, part));
        return part;
    }

    static BackupManifest manifest(String project, String backupId, PartManifest part) {
        return new BackupManifest(1, project, ENV, backupId, Instant.EPOCH, Instant.EPOCH, true, false, "api", "abc",
                List.of(new BackupManifest.PartRef(part.part(), part.type(), part.bytes(), part.storedBytes(),
                        part.pointInTime())), null, 0, Map.of());
    }

    static Map<String, byte[]> read(Repository repository, String project, String backupId) {
        SnapshotReader reader = repository.openPart(project, backupId, "files");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<TreeEntry> entries = reader.entries()) {
            entries.forEach(entry -> {
                try (InputStream in = reader.open(entry)) {
                    files.put(entry.path(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    static Map<String, byte[]> randomFiles(int count, int size, long seed) {
        Random random = new Random(seed);
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            files.put("f" + i + ".bin", data);
        }
        return files;
    }

    private Backups() {
    }
}
