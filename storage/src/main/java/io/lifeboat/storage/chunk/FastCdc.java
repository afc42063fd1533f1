package io.lifeboat.storage.chunk;

/**
 * FastCDC (Xia et al., 2016) with normalized chunking: a gear rolling hash finds cut points that
 * depend on content only, so an insertion shifts the chunks around it and no others. Stateless and
 * thread-safe; {@link ChunkReader} and {@link ChunkingOutputStream} feed it.
 */
public final class FastCdc {

    private static final long[] GEAR = gearTable();

    private final ChunkerParams params;
    private final long maskSmall;
    private final long maskLarge;

    public FastCdc(ChunkerParams params) {
        this.params = params;
        int bits = Integer.numberOfTrailingZeros(params.avgSize());
        this.maskSmall = topBits(bits + 2);
        this.maskLarge = topBits(bits - 2);
    }

    public ChunkerParams params() {
        return params;
    }

    /** Length of the chunk that starts at {@code offset}, given {@code available} bytes from there. */
    public int cut(byte[] data, int offset, int available) {
        if (available <= params.minSize()) {
            return available;
        }
        int n = Math.min(available, params.maxSize());
        int normal = Math.min(n, params.avgSize());
        long fp = 0;
        int i = params.minSize();
        for (; i < normal; i++) {
            fp = (fp << 1) + GEAR[data[offset + i] & 0xff];
            if ((fp & maskSmall) == 0) {
                return i + 1;
            }
        }
        for (; i < n; i++) {
            fp = (fp << 1) + GEAR[data[offset + i] & 0xff];
            if ((fp & maskLarge) == 0) {
                return i + 1;
            }
        }
        return n;
    }

    private static long topBits(int bits) {
        return ((1L << bits) - 1) << (64 - bits);
    }

    /** A fixed table (SplitMix64 from a constant seed): part of the storage format. */
    private static long[] gearTable() {
        long[] table = new long[256];
        long state = 0x6c69666562306174L;
        for (int i = 0; i < table.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            table[i] = z ^ (z >>> 31);
        }
        return table;
    }
}
