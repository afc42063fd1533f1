package io.lifeboat.storage.chunk;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An output stream that cuts what is written into content-defined chunks (the same cut points as
 * {@link FastCdc} reading the same bytes) and hands each chunk to a consumer. Memory stays under
 * two maximum chunk sizes.
 */
public final class ChunkingOutputStream extends OutputStream {

    private final ChunkerParams params;
    private final FastCdc cutter;
    private final Consumer<byte[]> sink;
    private final byte[] buffer;
    private int length;
    private boolean closed;

    public ChunkingOutputStream(FastCdc cutter, Consumer<byte[]> sink) {
        this.params = cutter.params();
        this.cutter = cutter;
        this.sink = sink;
        this.buffer = new byte[params.maxSize() * 2];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    @Override
    public void write(byte[] data, int offset, int count) {
        while (count > 0) {
            int room = buffer.length - length;
            int n = Math.min(room, count);
            System.arraycopy(data, offset, buffer, length, n);
            length += n;
            offset += n;
            count -= n;
            if (length == buffer.length) {
                emit(false);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            emit(true);
        }
    }

    private void emit(boolean all) {
        int start = 0;
        while (length - start > 0 && (all || length - start >= params.maxSize())) {
            int cut = cutter.cut(buffer, start, length - start);
            sink.accept(Arrays.copyOfRange(buffer, start, start + cut));
            start += cut;
        }
        System.arraycopy(buffer, start, buffer, 0, length - start);
        length -= start;
    }

}
