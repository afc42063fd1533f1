package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.ProjectKeys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one pack: encrypted blobs back to back, then the encrypted header that lists them, then
 * {@code headerLength u32 | "LBP1"}. The header lets an index be rebuilt from the packs alone.
 */
final class PackBuilder {

    static final String HEADER_KIND = "pack-header";
    static final byte[] MAGIC = "LBP1".getBytes(StandardCharsets.US_ASCII);

    record PackHeader(int format, String pack, List<BlobEntry> blobs) {
    }

    private final String packId;
    private final ProjectKeys keys;
    private final ByteArrayOutputStream data;
    private final List<BlobEntry> blobs = new ArrayList<>();

    PackBuilder(String packId, ProjectKeys keys, int expectedSize) {
        this.packId = packId;
        this.keys = keys;
        this.data = new ByteArrayOutputStream(expectedSize);
    }

    void add(String id, byte[] sealed, int rawLength, boolean compressed) {
        blobs.add(new BlobEntry(id, data.size(), sealed.length, rawLength, compressed));
        data.writeBytes(sealed);
    }

    int size() {
        return data.size();
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

    Sealed seal() {
        byte[] header = Envelope.seal(keys, HEADER_KIND, packId, Json.write(new PackHeader(1, packId, blobs)));
        data.writeBytes(header);
        data.writeBytes(ByteBuffer.allocate(4).putInt(header.length).array());
        data.writeBytes(MAGIC);
        byte[] bytes = data.toByteArray();
        return new Sealed(bytes, new PackEntry(packId, keys.keyId(), bytes.length, List.copyOf(blobs)));
    }
}
