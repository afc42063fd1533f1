package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.crypto.Aead;
import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectNotFoundException;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * A Lifeboat repository: the backups of many projects, deduplicated per project, encrypted with
 * per-project keys, and replicated over every configured location. This is the storage library's
 * entry point for the snapshot and restore workers and for retention.
 */
public final class Repository implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Repository.class);

    private final Locations locations;
    private final KeyStore keys;
    private final Clock clock;
    private final RepositoryOptions options;
    private final RepositoryConfig config;
    private final ExecutorService cpu;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final Map<String, PackIndex> indexes = new ConcurrentHashMap<>();

    private Repository(List<ObjectStore> stores, int writeQuorum, MasterKeyRing masterKeys, Clock clock,
                       RepositoryOptions options) {
        this.clock = clock;
        this.options = options;
        this.cpu = Executors.newFixedThreadPool(options.threads(), Thread.ofPlatform().daemon().name("lifeboat-cpu-", 0)
                .factory());
        this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("lifeboat-io-", 0).factory());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("lifeboat-lease").factory());
        this.locations = new Locations(stores, writeQuorum, io);
        this.keys = new KeyStore(locations, masterKeys, clock);
        this.config = openConfig();
        Aead.warmUp();
    }

    /** Opens the repository in these locations, creating it where it does not exist yet. */
    public static Repository open(List<ObjectStore> stores, int writeQuorum, MasterKeyRing masterKeys, Clock clock,
                                  RepositoryOptions options) {
        return new Repository(stores, writeQuorum, masterKeys, clock, options);
    }

    /** Starts writing one part of a backup. */
    public SnapshotWriter newPart(String project, String environment, String backupId, String part, String type) {
        Names.requireName("project", project);
        Names.requireName("environment", environment);
        Names.requireId("backup id", backupId);
        Names.requireName("part", part);
        ProjectKeys projectKeys = keys.forWriting(project);
        return new SnapshotWriter(this, project, environment, backupId, part, type, projectKeys);
    }

    /**
     * Commits a backup by writing its manifest, after checking that every part manifest it names is in at
     * least the write quorum of locations. Until this returns, the backup does not exist. It then releases the
 * parts' leases, which protected their data from garbage collection until now.
     */
    public void commitBackup(BackupManifest manifest) {
        commitBackup(manifest, Instant.MAX);
    }

    /**
     * As {@link #commitBackup(BackupManifest)}, refusing once {@code deadline} has passed by the repository's
     * clock: checked after the parts are found in the quorum, immediately before the manifest is written, so a
     * backup that its requester gave up on never becomes complete.
     */
    public void commitBackup(BackupManifest manifest, Instant deadline) {
        for (BackupManifest.PartRef part : manifest.parts()) {
            String key = RepositoryLayout.part(manifest.project(), manifest.backupId(), part.name());
            int copies = locations.copies(key);
            if (copies < locations.writeQuorum()) {
                throw new StorageException("part " + part.name() + " of backup " + manifest.backupId() + " is in "
                        + copies + " locations, " + locations.writeQuorum() + " required", false, null);
            }
        }
        requireBefore(deadline, "backup " + manifest.backupId());
        String key = RepositoryLayout.backup(manifest.project(), manifest.environment(), manifest.backupId());
        locations.putOrRemove(key, Envelope.seal(keys.forWriting(manifest.project()), BackupManifest.KIND, key,
                Json.write(manifest)));
        for (BackupManifest.PartRef part : manifest.parts()) {
            try {
                locations.delete(RepositoryLayout.lease(manifest.project(), manifest.backupId(), part.name()));
            } catch (StorageException e) {
                log.warn("backup {} is committed; the lease of its part {} lapses by itself: {}",
                        manifest.backupId(), part.name(), e.getMessage());
            }
        }
    }

    public Optional<BackupManifest> readBackup(String project, String environment, String backupId) {
        String key = RepositoryLayout.backup(project, environment, backupId);
        try {
            return Optional.of(readDocument(key, BackupManifest.KIND, project, BackupManifest.class));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    public PartManifest readPart(String project, String backupId, String part) {
        String key = RepositoryLayout.part(project, backupId, part);
        PartManifest manifest = readDocument(key, PartManifest.KIND, project, PartManifest.class);
        if (manifest.format() > PartManifest.FORMAT) {
            throw new CorruptDataException("part manifest " + key + " has format " + manifest.format()
                    + ", newer than this Lifeboat reads (" + PartManifest.FORMAT + ")", null);
        }
        return manifest;
    }

    /** Opens a stored part for reading. */
    public SnapshotReader openPart(String project, String backupId, String part) {
        PartManifest manifest = readPart(project, backupId, part);
        return new SnapshotReader(this, manifest, new ChunkSource(this, project, index(project)));
    }

    /** Files at most this many are kept in memory to skip unchanged files; a larger tree is read in full. */
    static final int PREVIOUS_FILES_LIMIT = 2_000_000;

    /**
     * The files of the same part in the newest committed backup of this environment before {@code backupId},
     * by path. Empty when there is none, or when it has more than {@link #PREVIOUS_FILES_LIMIT} entries.
     */
    Map<String, TreeEntry> previousFiles(String project, String environment, String backupId, String part,
                                         String type) {
        List<String> keys = locations.list(RepositoryLayout.backups(project) + environment + "/")
                .map(ObjectInfo::key).filter(k -> k.substring(k.lastIndexOf('/') + 1).compareTo(backupId) < 0)
                .sorted(java.util.Comparator.reverseOrder()).limit(5).toList();
        for (String key : keys) {
            BackupManifest backup = readDocument(key, BackupManifest.KIND, project, BackupManifest.class);
            boolean has = backup.parts().stream().anyMatch(p -> p.name().equals(part) && p.type().equals(type));
            if (has) {
                SnapshotReader reader = openPart(project, backup.backupId(), part);
                if (reader.manifest().entries() > PREVIOUS_FILES_LIMIT) {
                    return Map.of();
                }
                Map<String, TreeEntry> files = new java.util.HashMap<>();
                try (java.util.stream.Stream<TreeEntry> entries = reader.entries()) {
                    entries.filter(e -> e.kind() == TreeEntry.Kind.FILE).forEach(e -> files.put(e.path(), e));
                }
                return files;
            }
        }
        return Map.of();
    }

    /** Every committed backup in storage, read from the backup manifests alone: rebuilds a lost catalog. */
    public List<BackupManifest> listBackups() {
        List<BackupManifest> backups = new ArrayList<>();
        for (ObjectInfo info : locations.list(RepositoryLayout.allBackups()).toList()) {
            String[] segments = info.key().split("/");
            if (segments.length != 4) {
                continue;
            }
            backups.add(readDocument(info.key(), BackupManifest.KIND, segments[1], BackupManifest.class));
        }
        return backups;
    }

    /**
     * Deletes a backup: its manifest first, so it stops existing at once, then its part manifests.
     * Its data is reclaimed by {@link #collectGarbage}. Idempotent.
     */
    public void deleteBackup(String project, String environment, String backupId) {
        locations.delete(RepositoryLayout.backup(project, environment, backupId));
        for (ObjectInfo part : locations.list(RepositoryLayout.parts(project, backupId)).toList()) {
            locations.delete(part.key());
        }
    }

    /** Re-reads a backup's data, all of it or a random sample, and reports what failed verification. */
    public VerifyReport verify(String project, String environment, String backupId, double sample) {
        return new Verifier(this).verify(project, environment, backupId, sample);
    }

    /**
     * Reclaims space no backup references any more, safely while backups run. Refuses, deleting nothing, while
     * any location cannot be listed: data that looks unreferenced on a partial view may be referenced there.
     */
    public GcReport collectGarbage(String project) {
        return new GarbageCollector(this).collect(project);
    }

    /**
     * Copies every object that some locations miss (written while they were down) from a location whose copy
     * verifies. Every location must be reachable. Run it after an outage, and not while backups are deleted.
     */
    public RepairReport repair() {
        return new Repairer(this).repair();
    }

    /** Projects that have data in this repository. */
    public Set<String> projects() {
        return locations.list(RepositoryLayout.allProjectKeys()).map(i -> i.key().split("/")[1])
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Rewraps every project key with the current master key. */
    public int rotateMasterKey() {
        return keys.rotate();
    }

    public Locations locations() {
        return locations;
    }

    /** The project's index, refreshed from storage: new index objects are loaded, vanished ones dropped. */
    PackIndex index(String project) {
        return index(project, false);
    }

    /** As {@link #index(String)}; with {@code everywhere}, fails unless every location could be listed. */
    PackIndex index(String project, boolean everywhere) {
        String prefix = RepositoryLayout.indexes(project);
        Set<String> names = (everywhere ? locations.listEverywhere(prefix) : locations.list(prefix))
                .map(i -> i.key().substring(prefix.length())).collect(Collectors.toSet());
        PackIndex cached = indexes.get(project);
        if (cached == null || !names.containsAll(cached.loadedIndexes())) {
            cached = new PackIndex();
        }
        for (String name : names) {
            if (!cached.isLoaded(name)) {
                String key = RepositoryLayout.index(project, name);
                try {
                    cached.add(name, readDocument(key, IndexFile.KIND, project, IndexFile.class));
                } catch (ObjectNotFoundException e) {
                    log.debug("index {} vanished while loading; garbage collection replaced it", key);
                }
            }
        }
        indexes.put(project, cached);
        return cached;
    }

    Set<String> condemnedPacks(String project) {
        return condemnedPacks(project, false);
    }

    Set<String> condemnedPacks(String project, boolean everywhere) {
        String prefix = RepositoryLayout.condemnedRecords(project);
        Set<String> condemned = new HashSet<>();
        for (ObjectInfo info : (everywhere ? locations.listEverywhere(prefix) : locations.list(prefix)).toList()) {
            try {
                condemned.addAll(readDocument(info.key(), GarbageCollector.Condemned.KIND, project,
                        GarbageCollector.Condemned.class).packs());
            } catch (ObjectNotFoundException e) {
                log.debug("condemnation record {} was completed meanwhile", info.key());
            }
        }
        return condemned;
    }

    <T> T readDocument(String key, String kind, String project, Class<T> type) {
        return locations.read(key, bytes -> Json.read(
                Envelope.open(bytes, kind, key, keyId -> keys.byId(project, keyId)), type, kind + " " + key));
    }

    void writeDocument(String key, String kind, String project, Object document) {
        locations.put(key, Envelope.seal(keys.forWriting(project), kind, key, Json.write(document)));
    }

    /** Throws, permanently, unless the clock is still before {@code deadline}. */
    void requireBefore(Instant deadline, String what) {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            throw new StorageException(what + " is not committed: its deadline " + deadline + " has passed (now "
                    + now + ")", true, null);
        }
    }

    KeyStore keys() {
        return keys;
    }

    Clock clock() {
        return clock;
    }

    RepositoryOptions options() {
        return options;
    }

    ChunkerParams chunker() {
        return config.chunker();
    }

    ExecutorService cpu() {
        return cpu;
    }

    ExecutorService io() {
        return io;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private RepositoryConfig openConfig() {
        RepositoryConfig existing = null;
        try {
            existing = locations.read(RepositoryLayout.CONFIG,
                    bytes -> Json.read(bytes, RepositoryConfig.class, "repository config"));
        } catch (ObjectNotFoundException e) {
            log.info("no repository config in any location; creating a new repository");
        }
        if (existing == null) {
            ChunkerParams chunker = options.chunker();
            existing = new RepositoryConfig(RepositoryConfig.MAX_FORMAT, Names.timeOrderedId(clock), clock.instant(),
                    chunker.minSize(), chunker.avgSize(), chunker.maxSize());
        }
        if (existing.format() < RepositoryConfig.MIN_FORMAT || existing.format() > RepositoryConfig.MAX_FORMAT) {
            throw new CorruptDataException("repository format " + existing.format() + " is not supported by this "
                    + "Lifeboat (it reads formats " + RepositoryConfig.MIN_FORMAT + " to "
                    + RepositoryConfig.MAX_FORMAT + ")", null);
        }
        if (locations.copies(RepositoryLayout.CONFIG) < locations.size()) {
            try {
                locations.put(RepositoryLayout.CONFIG, Json.write(existing));
            } catch (StorageException e) {
                log.warn("repository config could not be written everywhere: {}", e.getMessage());
            }
        }
        return existing;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        cpu.shutdownNow();
        io.shutdownNow();
        locations.close();
    }
}
