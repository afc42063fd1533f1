package io.lifeboat.connector.redis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The body of a diskless replication transfer: everything up to the 40-byte end mark the server announced. */
final class MarkedStream extends InputStream {

    private final InputStream in;
    private final byte[] mark;
    private byte[] held = new byte[0];
    private boolean ended;

    MarkedStream(InputStream in, byte[] mark) {
        this.in = in;
        this.mark = mark;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            int safe = ended ? held.length : held.length - mark.length;
            if (safe > 0) {
                int n = Math.min(length, safe);
                System.arraycopy(held, 0, buffer, offset, n);
                held = Arrays.copyOfRange(held, n, held.length);
                return n;
            }
            if (ended) {
                return -1;
            }
            byte[] chunk = new byte[Math.max(length, 1 << 16)];
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("the transfer ended before its end mark");
            }
            byte[] joined = Arrays.copyOf(held, held.length + n);
            System.arraycopy(chunk, 0, joined, held.length, n);
            int at = indexOf(joined, mark, Math.max(0, held.length - mark.length));
            if (at >= 0) {
                held = Arrays.copyOf(joined, at);
                ended = true;
            } else {
                held = joined;
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
