package io.lifeboat.storage.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys Lifeboat knows. The first is current: it wraps new project keys, and
 * rotation rewraps every project key with it. The others only unwrap keys not yet rotated.
 */
public final class MasterKeyRing {

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    public MasterKeyRing(List<MasterKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one master key is required");
        }
        this.current = keys.getFirst();
        for (MasterKey key : keys) {
            if (byId.put(key.id(), key) != null) {
                throw new IllegalArgumentException("duplicate master key id " + key.id());
            }
        }
    }

    public static MasterKeyRing parse(List<String> specs) {
        return new MasterKeyRing(specs.stream().map(MasterKey::parse).toList());
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
