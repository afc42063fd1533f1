package io.lifeboat.storage.crypto;

import java.util.Base64;

/** A key-encryption key. Project keys are wrapped by it; it never encrypts data itself. */
public record MasterKey(String id, byte[] key) {

    public MasterKey {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("master key id must be 1-64 of [A-Za-z0-9_.-]");
        }
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("master key " + id + " must be 32 bytes (base64 of 32 random bytes)");
        }
        key = key.clone();
    }

    /** Parses {@code id:base64}. */
    public static MasterKey parse(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a master key is written id:base64-of-32-bytes");
        }
        return new MasterKey(spec.substring(0, colon), Base64.getDecoder().decode(spec.substring(colon + 1).trim()));
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
