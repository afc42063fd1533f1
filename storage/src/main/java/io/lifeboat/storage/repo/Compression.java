package io.lifeboat.storage.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.lifeboat.storage.crypto.CorruptDataException;

/** zstd, with sizes checked so that a corrupt frame fails loudly instead of allocating wildly. */
final class Compression {

    static final int MAX_DOCUMENT = 512 * 1024 * 1024;

    static byte[] decompress(byte[] frame, String what) {
        long size = Zstd.getFrameContentSize(frame);
        if (size < 0 || size > MAX_DOCUMENT) {
            throw new CorruptDataException(what + " has an invalid compressed frame", null);
        }
        return decompress(frame, (int) size, what);
    }

    static byte[] decompress(byte[] frame, int size, String what) {
        try {
            byte[] out = Zstd.decompress(frame, size);
            if (out.length != size) {
                throw new CorruptDataException(what + " decompressed to " + out.length + " bytes, expected " + size,
                        null);
            }
            return out;
        } catch (ZstdException e) {
            throw new CorruptDataException(what + " cannot be decompressed: " + e.getMessage(), e);
        }
    }

    private Compression() {
    }
}
