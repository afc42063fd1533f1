package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.Aead;
import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.KeyWrapping;
import io.lifeboat.storage.crypto.MasterKey;
import io.lifeboat.storage.crypto.MasterKeyRing;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.ObjectInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Project keys, stored wrapped by a master key (envelope encryption). A project normally has one key.
 * If two writers create one at the same moment, both keys stay readable and writers converge on the
 * lowest key id.
 */
final class KeyStore {

    record WrappedKey(int format, String project, String keyId, String masterKeyId, Instant createdAt,
                      byte[] wrapped) {
    }

    private final Locations locations;
    private final MasterKeyRing masterKeys;
    private final Clock clock;
    private final Map<String, TreeMap<String, ProjectKeys>> cache = new ConcurrentHashMap<>();

    KeyStore(Locations locations, MasterKeyRing masterKeys, Clock clock) {
        this.locations = locations;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /** The key new data of this project is encrypted with; created on first use. */
    synchronized ProjectKeys forWriting(String project) {
        TreeMap<String, ProjectKeys> keys = load(project);
        if (keys.isEmpty()) {
            String keyId = Names.timeOrderedId(clock);
            byte[] dataKey = Aead.randomKey();
            byte[] macKey = Aead.randomKey();
            MasterKey master = masterKeys.current();
            WrappedKey wrapped = new WrappedKey(1, project, keyId, master.id(), clock.instant(),
                    KeyWrapping.wrap(master, project, keyId, dataKey, macKey));
            locations.put(RepositoryLayout.projectKey(project, keyId), Json.write(wrapped));
            cache.remove(project);
            keys = load(project);
        }
        return keys.firstEntry().getValue();
    }

    /** The project's key with this id, for reading. */
    ProjectKeys byId(String project, String keyId) {
        ProjectKeys keys = load(project).get(keyId);
        if (keys == null) {
            cache.remove(project);
            keys = load(project).get(keyId);
        }
        if (keys == null) {
            throw new CorruptDataException("project " + project + " has no key " + keyId, null);
        }
        return keys;
    }

    /** Rewraps every key of every project with the current master key; returns how many were rewrapped. */
    synchronized int rotate() {
        int rewrapped = 0;
        for (ObjectInfo info : locations.list(RepositoryLayout.allProjectKeys()).toList()) {
            WrappedKey key = readWrapped(info.key());
            if (key.masterKeyId().equals(masterKeys.current().id())) {
                continue;
            }
            MasterKey current = masterKeys.current();
            WrappedKey rotated = new WrappedKey(1, key.project(), key.keyId(), current.id(), key.createdAt(),
                    KeyWrapping.rewrap(master(key), current, key.project(), key.keyId(), key.wrapped()));
            locations.put(info.key(), Json.write(rotated));
            rewrapped++;
        }
        cache.clear();
        return rewrapped;
    }

    /** Checks a stored project key: it parses and unwraps with a configured master key, or this throws. */
    void check(String objectKey, byte[] bytes) {
        unwrap(Json.read(bytes, WrappedKey.class, "project key " + objectKey));
    }

    private TreeMap<String, ProjectKeys> load(String project) {
        return cache.computeIfAbsent(project, p -> {
            TreeMap<String, ProjectKeys> keys = new TreeMap<>();
            locations.list(RepositoryLayout.projectKeys(p)).forEach(info -> {
                WrappedKey key = readWrapped(info.key());
                keys.put(key.keyId(), unwrap(key));
            });
            return keys;
        });
    }

    private WrappedKey readWrapped(String objectKey) {
        return locations.read(objectKey, bytes -> Json.read(bytes, WrappedKey.class, "project key " + objectKey));
    }

    private ProjectKeys unwrap(WrappedKey key) {
        return KeyWrapping.unwrap(master(key), key.project(), key.keyId(), key.wrapped());
    }

    private MasterKey master(WrappedKey key) {
        return masterKeys.byId(key.masterKeyId()).orElseThrow(() -> new CorruptDataException(
                "key " + key.keyId() + " of project " + key.project() + " is wrapped by master key "
                        + key.masterKeyId() + ", which is not configured", null));
    }
}
