package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Re-reads a backup's chunks from every location and verifies each copy. */
final class Verifier {

    private final Repository repository;

    Verifier(Repository repository) {
        this.repository = repository;
    }

    VerifyReport verify(String project, String environment, String backupId, double sample) {
        List<String> errors = new ArrayList<>();
        long[] counts = new long[2];
        BackupManifest backup;
        try {
            backup = repository.readBackup(project, environment, backupId).orElse(null);
        } catch (StorageException e) {
            return new VerifyReport(backupId, sample, 0, 0, List.of("backup manifest: " + e.getMessage()));
        }
        if (backup == null) {
            return new VerifyReport(backupId, sample, 0, 0, List.of("backup manifest not found in any location"));
        }
        Set<String> checked = new HashSet<>();
        PackIndex index = repository.index(project);
        for (BackupManifest.PartRef ref : backup.parts()) {
            Supplier<String> context = () -> "backup " + backupId + " part " + ref.name();
            try {
                SnapshotReader reader = repository.openPart(project, backupId, ref.name());
                List<String> ids = new ArrayList<>(reader.manifest().tree());
                try (Stream<TreeEntry> entries = reader.entries()) {
                    entries.forEach(e -> ids.addAll(e.chunks()));
                }
                for (String id : ids) {
                    if (checked.add(id) && (sample >= 1.0 || ThreadLocalRandom.current().nextDouble() < sample)) {
                        checkEveryCopy(project, index, id, context, errors, counts);
                    }
                }
            } catch (StorageException | IllegalArgumentException e) {
                errors.add(context.get() + ": " + e.getMessage());
            }
        }
        return new VerifyReport(backupId, sample, counts[0], counts[1], List.copyOf(errors));
    }

    private void checkEveryCopy(String project, PackIndex index, String id, Supplier<String> context,
                                List<String> errors, long[] counts) {
        PackIndex.Location location = index.find(id);
        if (location == null) {
            errors.add(context.get() + ": chunk " + id + " is not in any index");
            return;
        }
        BlobEntry blob = location.blob();
        String packKey = RepositoryLayout.pack(project, location.pack().pack());
        ProjectKeys keys = repository.keys().byId(project, location.pack().keyId());
        for (ObjectStore store : repository.locations().stores()) {
            try {
                byte[] sealed = store.getRange(packKey, blob.offset(), blob.length());
                ChunkSource.open(keys, blob, sealed, 0, sealed.length, packKey);
                counts[0]++;
                counts[1] += blob.rawLength();
            } catch (StorageException e) {
                errors.add(context.get() + ", location " + store.name() + ": " + e.getMessage());
            }
        }
    }
}
