package io.lifeboat.storage.repo;

import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectNotFoundException;
import io.lifeboat.storage.object.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reclaims space of one project in two phases, without a lock that blocks backups.
 *
 * <ol>
 *   <li><b>Condemn.</b> Mark the chunks every committed backup references. A pack with no live chunk is
 *       recorded in a condemnation record. New writers never deduplicate against condemned packs.</li>
 *   <li><b>Delete</b>, in a later run, once the record is older than the grace period and no live writer
 *       started before the record (such a writer may have loaded the index before the condemnation).
 *       Packs that a backup committed meanwhile references are spared.</li>
 * </ol>
 * Packs that no index lists (left by a writer that died) are deleted once older than the grace period
 * and not covered by a live writer's lease. Marking runs in passes over a hash partition of chunk ids,
 * so memory is bounded by {@code gcMaxChunksInMemory}, not by the repository's size.
 */
final class GarbageCollector {

    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
    /** Tolerated clock difference between the processes that write leases and condemnation records. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    record Condemned(int format, Instant condemnedAt, List<String> packs) {
        static final String KIND = "gc-record";
    }

    private final Repository repository;

    GarbageCollector(Repository repository) {
        this.repository = repository;
    }

    GcReport collect(String project) {
        try {
            return collectEverywhere(project);
        } catch (PartialView e) {
            throw new StorageException("garbage collection of project " + project + " stopped, deleting nothing "
                    + "further: " + e.getMessage(), false, e.getCause());
        }
    }

    /** A location could not be listed: what looks unreferenced may be referenced there. */
    private static final class PartialView extends RuntimeException {
        PartialView(StorageException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Every location's keys under the prefix; never a partial view. */
    private List<ObjectInfo> list(String prefix) {
        try {
            return repository.locations().listEverywhere(prefix).toList();
        } catch (StorageException e) {
            throw new PartialView(e);
        }
    }

    private GcReport collectEverywhere(String project) {
        Instant now = repository.clock().instant();
        Duration grace = repository.options().gcGrace();
        List<Lease> liveLeases = liveLeases(project, now);
        PackIndex index;
        Set<String> condemnedNow;
        try {
            index = repository.index(project, true);
            condemnedNow = repository.condemnedPacks(project, true);
        } catch (StorageException e) {
            throw new PartialView(e);
        }
        Map<String, Long> liveBytes = markLive(project, index, condemnedNow);

        int deleted = 0;
        long deletedBytes = 0;
        int postponed = 0;
        Set<String> stillCondemned = new HashSet<>();
        Set<String> deletedPacks = new HashSet<>();
        List<String> completedRecords = new ArrayList<>();
        for (ObjectInfo info : list(RepositoryLayout.condemnedRecords(project))) {
            Condemned record = readRecord(project, info.key());
            if (record == null) {
                continue;
            }
            boolean writerMayUseThem = liveLeases.stream()
                    .anyMatch(l -> l.startedAt().isBefore(record.condemnedAt().plus(CLOCK_SKEW)));
            if (record.condemnedAt().plus(grace).isAfter(now) || writerMayUseThem) {
                record.packs().stream().filter(p -> liveBytes.getOrDefault(p, 0L) == 0).forEach(stillCondemned::add);
                postponed += writerMayUseThem ? record.packs().size() : 0;
                continue;
            }
            for (String pack : record.packs()) {
                if (liveBytes.getOrDefault(pack, 0L) > 0) {
                    log.info("pack {} of project {} is referenced again; it is kept", pack, project);
                    continue;
                }
                deletedPacks.add(pack);
            }
            completedRecords.add(info.key());
        }
        // Order matters: while a record exists its packs are condemned and new writers ignore them, so the
        // indexes drop the packs first, then the packs go, and only then the records.
        dropDeletedFromIndexes(project, index, deletedPacks);
        for (String pack : deletedPacks) {
            deletedBytes += deletePack(project, pack);
            deleted++;
        }
        completedRecords.forEach(repository.locations()::delete);
        deleted += deleteOrphans(project, index, liveLeases, now, grace, deletedPacks);

        List<String> condemn = new ArrayList<>();
        for (PackEntry pack : index.packs()) {
            if (liveBytes.getOrDefault(pack.pack(), 0L) == 0 && !stillCondemned.contains(pack.pack())
                    && !deletedPacks.contains(pack.pack())) {
                condemn.add(pack.pack());
            }
        }
        if (!condemn.isEmpty()) {
            String name = Names.timeOrderedId(repository.clock());
            repository.writeDocument(RepositoryLayout.condemned(project, name), Condemned.KIND, project,
                    new Condemned(1, repository.clock().instant(), condemn));
        }
        expireLapsedLeases(project, now, grace);
        int live = (int) liveBytes.values().stream().filter(b -> b > 0).count();
        GcReport report = new GcReport(project, live, condemn.size(), deleted, deletedBytes, 0, postponed);
        if (report.condemnedPacks() + report.deletedPacks() + report.postponed() > 0) {
            log.info("garbage collection of project {}: {}", project, report);
        } else {
            log.debug("garbage collection of project {}: nothing to reclaim", project);
        }
        return report;
    }

    /**
     * Live bytes per pack, marked in as many passes as memory allows. A chunk stored in several packs
     * counts for one of them only, preferring packs that are not condemned.
     */
    private Map<String, Long> markLive(String project, PackIndex index, Set<String> condemned) {
        List<PackEntry> packs = new ArrayList<>(index.packs());
        packs.sort(java.util.Comparator.comparing(p -> condemned.contains(p.pack())));
        long maxChunks = repository.options().gcMaxChunksInMemory();
        int passes = (int) Math.max(1, (index.chunkCount() + maxChunks - 1) / maxChunks);
        Map<String, Long> liveBytes = new HashMap<>();
        List<String> backupKeys = list(RepositoryLayout.backups(project)).stream().map(ObjectInfo::key).toList();
        for (int pass = 0; pass < passes; pass++) {
            Set<String> live = new HashSet<>();
            int p = pass;
            for (String key : backupKeys) {
                BackupManifest backup;
                try {
                    backup = repository.readDocument(key, BackupManifest.KIND, project, BackupManifest.class);
                } catch (ObjectNotFoundException e) {
                    continue;
                }
                for (BackupManifest.PartRef part : backup.parts()) {
                    SnapshotReader reader = openLive(project, key, backup, part);
                    if (reader == null) {
                        break;
                    }
                    reader.manifest().tree().stream().filter(id -> inPass(id, p, passes)).forEach(live::add);
                    try (Stream<TreeEntry> entries = reader.entries()) {
                        entries.forEach(e -> e.chunks().stream().filter(id -> inPass(id, p, passes))
                                .forEach(live::add));
                    }
                }
            }
            for (PackEntry pack : packs) {
                long bytes = 0;
                for (BlobEntry blob : pack.blobs()) {
                    if (inPass(blob.id(), p, passes) && live.remove(blob.id())) {
                        bytes += blob.length();
                    }
                }
                liveBytes.merge(pack.pack(), bytes, Long::sum);
            }
        }
        return liveBytes;
    }

    /**
     * A committed backup's part, or null when the backup was deleted meanwhile. A part missing from a backup
     * that still exists aborts the run: its chunks must never be taken for garbage.
     */
    private SnapshotReader openLive(String project, String backupKey, BackupManifest backup,
                                    BackupManifest.PartRef part) {
        try {
            return repository.openPart(project, backup.backupId(), part.name());
        } catch (ObjectNotFoundException e) {
            if (repository.locations().stat(backupKey).isEmpty()) {
                return null;
            }
            throw new StorageException("garbage collection of project " + project + " stopped: backup "
                    + backup.backupId() + " exists but its part " + part.name() + " cannot be read", false, e);
        }
    }

    private static boolean inPass(String chunkId, int pass, int passes) {
        return passes == 1 || Integer.parseInt(chunkId.substring(0, 4), 16) % passes == pass;
    }

    private long deletePack(String project, String pack) {
        String key = RepositoryLayout.pack(project, pack);
        long size = repository.locations().stat(key).map(ObjectInfo::size).orElse(0L);
        repository.locations().delete(key);
        return size;
    }

    /** Rewrites every index object that lists a deleted pack; an index left empty is deleted. */
    private void dropDeletedFromIndexes(String project, PackIndex index, Set<String> deletedPacks) {
        if (deletedPacks.isEmpty()) {
            return;
        }
        for (String name : index.loadedIndexes()) {
            String key = RepositoryLayout.index(project, name);
            IndexFile file;
            try {
                file = repository.readDocument(key, IndexFile.KIND, project, IndexFile.class);
            } catch (ObjectNotFoundException e) {
                continue;
            }
            List<PackEntry> kept = file.packs().stream().filter(p -> !deletedPacks.contains(p.pack())).toList();
            if (kept.size() == file.packs().size()) {
                continue;
            }
            if (!kept.isEmpty()) {
                String replacement = RepositoryLayout.index(project, name + "-gc" + repository.clock().millis());
                repository.writeDocument(replacement, IndexFile.KIND, project, new IndexFile(IndexFile.FORMAT, kept));
            }
            repository.locations().delete(key);
        }
    }

    /** Deletes packs no index lists, older than the grace period and not covered by a live writer. */
    private int deleteOrphans(String project, PackIndex index, List<Lease> liveLeases, Instant now,
                              Duration grace, Set<String> alreadyDeleted) {
        Set<String> indexed = new HashSet<>();
        index.packs().forEach(p -> indexed.add(p.pack()));
        int deleted = 0;
        for (ObjectInfo info : list(RepositoryLayout.packs(project))) {
            String pack = RepositoryLayout.packId(info.key());
            if (indexed.contains(pack) || alreadyDeleted.contains(pack)
                    || info.lastModified().plus(grace).isAfter(now)) {
                continue;
            }
            boolean coveredByWriter = liveLeases.stream()
                    .anyMatch(l -> !l.startedAt().isAfter(info.lastModified().plus(CLOCK_SKEW)));
            if (!coveredByWriter) {
                repository.locations().delete(info.key());
                deleted++;
            }
        }
        return deleted;
    }

    private List<Lease> liveLeases(String project, Instant now) {
        List<Lease> leases = new ArrayList<>();
        for (ObjectInfo info : list(RepositoryLayout.leases(project))) {
            try {
                Lease lease = repository.locations().read(info.key(), b -> Json.read(b, Lease.class, "lease"));
                if (lease.aliveAt(now)) {
                    leases.add(lease);
                }
            } catch (ObjectNotFoundException e) {
                log.debug("lease {} was released meanwhile", info.key());
            }
        }
        return leases;
    }

    private void expireLapsedLeases(String project, Instant now, Duration grace) {
        for (ObjectInfo info : list(RepositoryLayout.leases(project))) {
            try {
                Lease lease = repository.locations().read(info.key(), b -> Json.read(b, Lease.class, "lease"));
                if (!lease.aliveAt(now.minus(grace))) {
                    repository.locations().delete(info.key());
                }
            } catch (StorageException e) {
                log.debug("lease {} not expired: {}", info.key(), e.getMessage());
            }
        }
    }

    private Condemned readRecord(String project, String key) {
        try {
            return repository.readDocument(key, Condemned.KIND, project, Condemned.class);
        } catch (ObjectNotFoundException e) {
            return null;
        }
    }
}
