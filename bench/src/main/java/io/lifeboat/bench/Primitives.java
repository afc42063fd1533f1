package io.lifeboat.bench;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import io.lifeboat.storage.chunk.ChunkReader;
import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.chunk.FastCdc;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The single-core speed of what the storage engine does to every byte, on a sample of real data (256 pieces
 * of 1 MiB spread evenly over FILE): content-defined chunking (FastCDC, default sizes), the chunk id
 * (HMAC-SHA256), zstd level 1 both ways, and AES-256-GCM.
 * Each is run ten times and the best run is reported: the first runs measure the JIT compiler, not the code.
 */
final class Primitives {

    static final int PIECE = 1 << 20;

    static String run(Path file) throws Exception {
        List<byte[]> pieces = read(file, 256);
        long bytes = (long) pieces.size() * PIECE;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        byte[] sealed = new byte[PIECE + 16];
        try (ZstdCompressCtx compress = new ZstdCompressCtx().setLevel(1);
             ZstdDecompressCtx decompress = new ZstdDecompressCtx()) {
            List<byte[]> frames = new ArrayList<>();
            double cdc = 0, hmac = 0, zstd = 0, unzstd = 0, aes = 0;
            for (int round = 0; round < 10; round++) {
                long start = System.nanoTime();
                ChunkReader chunks = new ChunkReader(new FastCdc(ChunkerParams.DEFAULT), new SequenceInputStream(
                        Collections.enumeration(pieces.stream().map(ByteArrayInputStream::new).toList())));
                while (chunks.next() != null) {
                    // cutting is what is measured
                }
                cdc = Math.max(cdc, rate(bytes, start));
                start = System.nanoTime();
                pieces.forEach(mac::update);
                mac.doFinal();
                hmac = Math.max(hmac, rate(bytes, start));
                frames.clear();
                start = System.nanoTime();
                pieces.forEach(piece -> frames.add(compress.compress(piece)));
                zstd = Math.max(zstd, rate(bytes, start));
                start = System.nanoTime();
                frames.forEach(frame -> decompress.decompress(frame, PIECE));
                unzstd = Math.max(unzstd, rate(bytes, start));
                start = System.nanoTime();
                for (int i = 0; i < pieces.size(); i++) {
                    byte[] nonce = ByteBuffer.allocate(12).putInt(round).putInt(i).array();
                    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                    gcm.doFinal(pieces.get(i), 0, PIECE, sealed, 0);
                }
                aes = Math.max(aes, rate(bytes, start));
            }
            long compressed = frames.stream().mapToLong(f -> f.length).sum();
            return ("\"sample_bytes\":%d,\"fastcdc_mb_s\":%.0f,\"hmac_sha256_mb_s\":%.0f,\"zstd1_compress_mb_s\":%.0f,"
                    + "\"zstd1_ratio\":%.3f,\"zstd_decompress_mb_s\":%.0f,\"aes256_gcm_mb_s\":%.0f").formatted(
                    bytes, cdc, hmac, zstd, (double) compressed / bytes, unzstd, aes);
        }
    }

    private static double rate(long bytes, long startNanos) {
        return bytes / 1e6 / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static List<byte[]> read(Path file, int count) throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            long step = (channel.size() - PIECE) / count;
            if (step < 0) {
                throw new IllegalArgumentException(file + " holds less than 1 MiB");
            }
            for (int i = 0; i < count; i++) {
                ByteBuffer piece = ByteBuffer.allocate(PIECE);
                while (piece.hasRemaining() && channel.read(piece, i * step + piece.position()) > 0) {
                    // reads until the piece is full
                }
                pieces.add(piece.array());
            }
        }
        return pieces;
    }

    private Primitives() {
    }
}
