package io.lifeboat.storage.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.lifeboat.storage.crypto.CorruptDataException;
import io.lifeboat.storage.pool.Pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * zstd, with sizes checked so that a corrupt frame fails loudly instead of allocating wildly. Contexts are
 * pooled: creating one per chunk costs more than compressing a small chunk.
 */
final class Compression {

    static final int MAX_DOCUMENT = 512 * 1024 * 1024;

    private static final Pool<ZstdDecompressCtx> DECOMPRESSORS = new Pool<>(ZstdDecompressCtx::new,
            ZstdDecompressCtx::close, 64);
    private static final Map<Integer, Pool<ZstdCompressCtx>> COMPRESSORS = new ConcurrentHashMap<>();

    static byte[] compress(byte[] data, int level) {
        return COMPRESSORS.computeIfAbsent(level, l -> new Pool<>(() -> new ZstdCompressCtx().setLevel(l),
                ZstdCompressCtx::close, 64)).apply(ctx -> ctx.compress(data));
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
            byte[] out = DECOMPRESSORS.apply(ctx -> ctx.decompress(frame, size));
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
