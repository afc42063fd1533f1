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
 * pooled: creating one per chunk costs more than compressing a small chunk. Chunks are compressed into a
 * buffer pooled with the context, so that storing a chunk allocates only its sealed blob.
 */
final class Compression {

    /** Receives a compressed frame in a pooled buffer, which it must not keep. */
    interface Frame<R> {
        R use(byte[] buffer, int length);
    }

    /** A compression context and the buffer it compresses chunks into, reused together. */
    private static final class ChunkCompressor {
        final ZstdCompressCtx context;
        byte[] buffer = new byte[0];

        ChunkCompressor(int level) {
            this.context = new ZstdCompressCtx().setLevel(level);
        }
    }

    static final int MAX_DOCUMENT = 512 * 1024 * 1024;

    private static final Pool<ZstdDecompressCtx> DECOMPRESSORS = new Pool<>(ZstdDecompressCtx::new,
            ZstdDecompressCtx::close, 64);
    private static final Map<Integer, Pool<ZstdCompressCtx>> COMPRESSORS = new ConcurrentHashMap<>();
    private static final Map<Integer, Pool<ChunkCompressor>> CHUNK_COMPRESSORS = new ConcurrentHashMap<>();

    static byte[] compress(byte[] data, int level) {
        return COMPRESSORS.computeIfAbsent(level, l -> new Pool<>(() -> new ZstdCompressCtx().setLevel(l),
                ZstdCompressCtx::close, 64)).apply(ctx -> ctx.compress(data));
    }

    /**
     * Compresses a chunk and hands the frame to {@code use}. Each pooled context keeps a buffer as large as
     * the largest chunk it compressed (about 4 MiB): one per thread that stores chunks at once.
     */
    static <R> R compressChunk(byte[] chunk, int level, Frame<R> use) {
        return CHUNK_COMPRESSORS.computeIfAbsent(level, l -> new Pool<>(() -> new ChunkCompressor(l),
                c -> c.context.close(), 64)).apply(c -> {
            int bound = Math.toIntExact(Zstd.compressBound(chunk.length));
            if (c.buffer.length < bound) {
                c.buffer = new byte[bound];
            }
            return use.use(c.buffer, c.context.compressByteArray(c.buffer, 0, bound, chunk, 0, chunk.length));
        });
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
