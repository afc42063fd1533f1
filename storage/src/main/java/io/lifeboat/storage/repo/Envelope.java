package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.crypto.ProjectKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Encrypted small objects (manifests, indexes, pack headers, gc records):
 * {@code "LBX1" | keyIdLength u8 | keyId | AES-GCM(zstd(json))}. The associated data binds the object to
 * its kind and its name, so an object cannot be swapped for another one.
 */
final class Envelope {

    private static final byte[] MAGIC = "LBX1".getBytes(StandardCharsets.US_ASCII);

    static byte[] seal(ProjectKeys keys, String kind, String name, byte[] json) {
        byte[] keyId = keys.keyId().getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compress(json, 3);
        byte[] sealed = keys.seal(compressed, 0, compressed.length, aad(kind, name));
        return ByteBuffer.allocate(MAGIC.length + 1 + keyId.length + sealed.length)
                .put(MAGIC).put((byte) keyId.length).put(keyId).put(sealed).array();
    }

    /** Opens an envelope; {@code keysById} finds the project key it names. */
    static byte[] open(byte[] object, String kind, String name, Function<String, ProjectKeys> keysById) {
        String what = kind + " " + name;
        if (object.length < MAGIC.length + 2 || !ByteBuffer.wrap(object, 0, 4).equals(ByteBuffer.wrap(MAGIC))) {
            throw new CorruptDataException(what + " has an unknown format (bad magic)", null);
        }
        int keyIdLength = object[4] & 0xff;
        int sealedOffset = 5 + keyIdLength;
        if (sealedOffset > object.length) {
            throw new CorruptDataException(what + " is truncated", null);
        }
        String keyId = new String(object, 5, keyIdLength, StandardCharsets.US_ASCII);
        ProjectKeys keys = keysById.apply(keyId);
        byte[] compressed = keys.open(object, sealedOffset, object.length - sealedOffset, aad(kind, name), what);
        return Compression.decompress(compressed, what);
    }

    private static byte[] aad(String kind, String name) {
        return ("lifeboat|" + kind + "|" + name).getBytes(StandardCharsets.UTF_8);
    }

    private Envelope() {
    }
}
