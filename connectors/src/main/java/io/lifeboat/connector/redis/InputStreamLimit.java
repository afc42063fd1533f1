package io.lifeboat.connector.redis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The first {@code length} bytes of a stream, leaving the rest unread. */
final class InputStreamLimit extends FilterInputStream {

    private long left;

    private InputStreamLimit(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    static InputStream of(InputStream in, long length) {
        return new InputStreamLimit(in, length);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public void close() {
        // the connection is closed by its owner
    }
}
