package io.lifeboat.storage.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a stream as content-defined chunks. Holds at most two maximum chunk sizes. */
public final class ChunkReader {

    private final FastCdc cdc;
    private final InputStream in;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;

    public ChunkReader(FastCdc cdc, InputStream in) {
        this(cdc, in, new byte[cdc.params().maxSize() * 2]);
    }

    /** Reads with a caller's buffer of at least twice the maximum chunk size, reused across streams. */
    public ChunkReader(FastCdc cdc, InputStream in, byte[] buffer) {
        if (buffer.length < cdc.params().maxSize() * 2) {
            throw new IllegalArgumentException("the buffer must hold two maximum-size chunks");
        }
        this.cdc = cdc;
        this.in = in;
        this.buffer = buffer;
    }

    /** The next chunk, or null at the end of the stream. */
    public byte[] next() throws IOException {
        fill();
        int available = end - start;
        if (available == 0) {
            return null;
        }
        int length = cdc.cut(buffer, start, available);
        byte[] chunk = Arrays.copyOfRange(buffer, start, start + length);
        start += length;
        return chunk;
    }

    /** Makes at least one maximum chunk available, moving the unread tail only when the buffer's end is near. */
    private void fill() throws IOException {
        int max = cdc.params().maxSize();
        if (eof || end - start >= max) {
            return;
        }
        if (buffer.length - start < max) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < max) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                eof = true;
                return;
            }
            end += read;
        }
    }
}
