package io.lifeboat.storage.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.lifeboat.storage.crypto.CorruptDataException;

import java.util.HashMap;
import java.util.Map;

/**
 * zstd, with sizes checked so that a corrupt frame fails loudly instead of allocating wildly. Contexts are
 * kept per thread: creating one per chunk costs more than compressing a small chunk.
 */
final class Compression {

    static final int MAX_DOCUMENT = 512 * 1024 * 1024;

    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressCtx::new);
    private static final ThreadLocal<Map<Integer, ZstdCompressCtx>> COMPRESSORS = ThreadLocal.withInitial(HashMap::new);

    static byte[] compress(byte[] data, int level) {
        return COMPRESSORS.get().computeIfAbsent(level, l -> new ZstdCompressCtx().setLevel(l)).compress(data);
    }

    static byte[] decompress(byte[] frame, String what) {
        long size = Zstd.getFrameContentSize(frame);
        if (size < 0 || size > MAX_DOCUMENT) {
            throw new CorruptDataException(what + " has an invalid compressed frame", null);
        }
        return decompress(frame, (int) size, what);
    }

    static byte[] decompress(byte[] frame, int size, String what) {
        try {
            byte[] out = DECOMPRESSOR.get().decompress(frame, size);
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
