package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.ProjectKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one pack: encrypted blobs back to back, then the encrypted header that lists them, then
 * {@code headerLength u32 | "LBP1"}. The header lets an index be rebuilt from the packs alone. Blobs are kept
 * as they come and copied once, into a pack of the exact size, when it is sealed.
 */
final class PackBuilder {

    static final String HEADER_KIND = "pack-header";
    static final byte[] MAGIC = "LBP1".getBytes(StandardCharsets.US_ASCII);

    record PackHeader(int format, String pack, List<BlobEntry> blobs) {
    }

    private final String packId;
    private final ProjectKeys keys;
    private final List<BlobEntry> blobs = new ArrayList<>();
    private final List<byte[]> sealedBlobs = new ArrayList<>();
    private int size;

    PackBuilder(String packId, ProjectKeys keys) {
        this.packId = packId;
        this.keys = keys;
    }

    void add(String id, byte[] sealed, int rawLength, boolean compressed) {
        blobs.add(new BlobEntry(id, size, sealed.length, rawLength, compressed));
        sealedBlobs.add(sealed);
        size = Math.addExact(size, sealed.length);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return blobs.isEmpty();
    }

    String packId() {
        return packId;
    }

    /** The finished pack's bytes and its index entry. */
    record Sealed(byte[] bytes, PackEntry entry) {
    }

    /** Seals the pack, once; its blobs are let go as soon as they are copied. */
    Sealed seal() {
        if (blobs.size() != sealedBlobs.size()) {
            throw new IllegalStateException("pack " + packId + " is already sealed");
        }
        byte[] header = Envelope.seal(keys, HEADER_KIND, packId, Json.write(new PackHeader(1, packId, blobs)));
        ByteBuffer pack = ByteBuffer.allocate(Math.addExact(size, header.length + 4 + MAGIC.length));
        sealedBlobs.forEach(pack::put);
        sealedBlobs.clear();
        byte[] bytes = pack.put(header).putInt(header.length).put(MAGIC).array();
        return new Sealed(bytes, new PackEntry(packId, keys.keyId(), bytes.length, List.copyOf(blobs)));
    }
}
