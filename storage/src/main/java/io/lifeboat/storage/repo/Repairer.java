package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectInfo;
import io.lifeboat.storage.object.ObjectStore;
import io.lifeboat.storage.object.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Brings every object back to every location. A write succeeds once its quorum holds it, so an object
 * written while a location was down is missing there; this pass lists every location, and copies each
 * missing object from a location whose copy verifies (AES-GCM tags, chunk ids, document kinds), never
 * from an unchecked one. Leases are not copied: they are short-lived. A backup manifest in fewer locations
 * than the write quorum is reported, not copied: it may be what a failed commit could not remove.
 */
final class Repairer {

    private static final Logger log = LoggerFactory.getLogger(Repairer.class);

    private final Repository repository;
    private final List<ObjectStore> stores;

    Repairer(Repository repository) {
        this.repository = repository;
        this.stores = repository.locations().stores();
    }

    RepairReport repair() {
        long objects = 0;
        int repaired = 0;
        List<String> problems = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(List.of(RepositoryLayout.CONFIG, RepositoryLayout.allProjectKeys()));
        TreeSet<String> projects = new TreeSet<>();
        listEverywhere(RepositoryLayout.allProjectKeys()).keySet().forEach(k -> projects.add(k.split("/")[1]));
        for (String project : projects) {
            prefixes.addAll(List.of(RepositoryLayout.packs(project), RepositoryLayout.indexes(project),
                    RepositoryLayout.partsOf(project), RepositoryLayout.backups(project),
                    RepositoryLayout.condemnedRecords(project)));
        }
        for (String prefix : prefixes) {
            for (Map.Entry<String, BitSet> object : listEverywhere(prefix).entrySet()) {
                if (prefix.equals(RepositoryLayout.CONFIG) && !object.getKey().equals(RepositoryLayout.CONFIG)) {
                    continue;
                }
                objects++;
                if (object.getValue().cardinality() < stores.size() && repair(object.getKey(), object.getValue(),
                        problems)) {
                    repaired++;
                }
            }
        }
        RepairReport report = new RepairReport(objects, repaired, List.copyOf(problems));
        log.info("repair of {} locations: {}", stores.size(), report);
        return report;
    }

    /** Which locations hold each key under the prefix. Every location must answer. */
    private Map<String, BitSet> listEverywhere(String prefix) {
        Map<String, BitSet> holders = new TreeMap<>();
        for (int i = 0; i < stores.size(); i++) {
            int location = i;
            try (Stream<ObjectInfo> listing = stores.get(i).list(prefix)) {
                listing.forEach(info -> holders.computeIfAbsent(info.key(), k -> new BitSet()).set(location));
            } catch (StorageException e) {
                throw new StorageException("repair stopped: location " + stores.get(i).name() + " cannot be listed: "
                        + e.getMessage(), false, e);
            }
        }
        return holders;
    }

    /** Copies one object to the locations that miss it; true when every location holds it afterwards. */
    private boolean repair(String key, BitSet holders, List<String> problems) {
        if (key.startsWith(RepositoryLayout.allBackups()) && holders.cardinality() < repository.locations()
                .writeQuorum()) {
            problems.add("backup manifest " + key + " is in " + holders.cardinality() + " of " + stores.size()
                    + " locations, fewer than the write quorum: not copied (a failed commit may have left it)");
            return false;
        }
        byte[] good = null;
        ObjectStore source = null;
        for (int i = holders.nextSetBit(0); i >= 0 && good == null; i = holders.nextSetBit(i + 1)) {
            try {
                byte[] copy = stores.get(i).get(key);
                check(key, copy);
                good = copy;
                source = stores.get(i);
            } catch (StorageException e) {
                problems.add("location " + stores.get(i).name() + ": " + key + ": " + e.getMessage());
            }
        }
        if (good == null) {
            problems.add(key + ": no location has a copy that verifies; nothing copied");
            return false;
        }
        List<ObjectStore> copied = new ArrayList<>();
        for (int i = holders.nextClearBit(0); i < stores.size(); i = holders.nextClearBit(i + 1)) {
            try {
                stores.get(i).put(key, good);
                copied.add(stores.get(i));
            } catch (StorageException e) {
                problems.add("location " + stores.get(i).name() + ": copying " + key + " failed: " + e.getMessage());
            }
        }
        if (source.stat(key).isEmpty()) {
            // deleted while it was copied: the copies must not bring it back
            copied.forEach(store -> store.delete(key));
            return false;
        }
        log.info("repaired {}: copied from location {} to {}", key, source.name(),
                copied.stream().map(ObjectStore::name).toList());
        return copied.size() == stores.size() - holders.cardinality();
    }

    /** Throws unless {@code bytes} is a sound copy of the object stored under {@code key}. */
    private void check(String key, byte[] bytes) {
        if (key.equals(RepositoryLayout.CONFIG)) {
            Json.read(bytes, RepositoryConfig.class, "repository config");
            return;
        }
        String[] segments = key.split("/");
        String project = segments[1];
        switch (segments[0]) {
            case "keys" -> repository.keys().check(key, bytes);
            case "data" -> checkPack(project, key, bytes);
            case "index" -> open(bytes, IndexFile.KIND, key, project, IndexFile.class);
            case "parts" -> open(bytes, PartManifest.KIND, key, project, PartManifest.class);
            case "backups" -> open(bytes, BackupManifest.KIND, key, project, BackupManifest.class);
            case "gc" -> open(bytes, GarbageCollector.Condemned.KIND, key, project, GarbageCollector.Condemned.class);
            default -> throw new CorruptDataException(key + " is not an object of the repository layout", null);
        }
    }

    private void open(byte[] bytes, String kind, String key, String project, Class<?> type) {
        Json.read(Envelope.open(bytes, kind, key, keyId -> repository.keys().byId(project, keyId)), type,
                kind + " " + key);
    }

    /** A pack verifies when its header does and every blob it lists decrypts to the chunk its id names. */
    private void checkPack(String project, String key, byte[] pack) {
        String packId = RepositoryLayout.packId(key);
        int trailer = 4 + PackBuilder.MAGIC.length;
        if (pack.length < trailer || !ByteBuffer.wrap(pack, pack.length - PackBuilder.MAGIC.length,
                PackBuilder.MAGIC.length).equals(ByteBuffer.wrap(PackBuilder.MAGIC))) {
            throw new CorruptDataException("pack " + key + " has no pack trailer", null);
        }
        int headerLength = ByteBuffer.wrap(pack, pack.length - trailer, 4).getInt();
        int headerOffset = pack.length - trailer - headerLength;
        if (headerLength <= 0 || headerOffset < 0) {
            throw new CorruptDataException("pack " + key + " has a bad header length " + headerLength, null);
        }
        byte[] header = new byte[headerLength];
        System.arraycopy(pack, headerOffset, header, 0, headerLength);
        AtomicReference<ProjectKeys> keys = new AtomicReference<>();
        PackBuilder.PackHeader parsed = Json.read(Envelope.open(header, PackBuilder.HEADER_KIND, packId, keyId -> {
            keys.set(repository.keys().byId(project, keyId));
            return keys.get();
        }), PackBuilder.PackHeader.class, "header of pack " + key);
        for (BlobEntry blob : parsed.blobs()) {
            if (blob.offset() < 0 || blob.offset() + blob.length() > headerOffset) {
                throw new CorruptDataException("pack " + key + ": chunk " + blob.id() + " lies outside its data",
                        null);
            }
            ChunkSource.open(keys.get(), blob, pack, (int) blob.offset(), blob.length(), key);
        }
    }
}
