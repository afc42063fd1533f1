package io.lifeboat.storage.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A stream over a list of chunks, fetched and verified a few requests ahead of the reader. A request reads a
 * run of chunks that lie side by side in storage, as the planner groups them, or a single chunk.
 */
final class ChunkInputStream extends InputStream {

    /** What one request fetches of {@code ids}, from {@code from} on: at least one chunk. */
    interface RunPlanner {
        Run plan(List<String> ids, int from);
    }

    /** A request: how many chunks, and about how many bytes of plaintext they make (0 when unknown). */
    record Run(int chunks, long bytes) {
    }

    private static final byte[] EMPTY = new byte[0];

    private final List<String> chunks;
    private final RunPlanner planner;
    private final Function<List<String>, List<byte[]>> fetch;
    private final Executor executor;
    private final int readAhead;
    private final long readAheadBytes;
    private final Deque<CompletableFuture<List<byte[]>>> pending = new ArrayDeque<>();
    private final Deque<Long> pendingBytes = new ArrayDeque<>();
    private long bytesInFlight;
    private final Deque<byte[]> fetched = new ArrayDeque<>();
    private int nextToFetch;
    private byte[] current = EMPTY;
    /** A failed fetch fails every later read too, with the same exception: the stream never looks shorter. */
    private Exception failure;
    private int position;
    private boolean closed;

    /**
     * Fetches ahead up to {@code readAhead} requests and, beyond the first, up to {@code readAheadBytes} of
     * planned plaintext; each request returns the plaintexts of the ids it was given.
     */
    ChunkInputStream(List<String> chunks, RunPlanner planner, Function<List<String>, List<byte[]>> fetch,
                     Executor executor, int readAhead, long readAheadBytes) {
        this.chunks = chunks;
        this.planner = planner;
        this.fetch = fetch;
        this.executor = executor;
        this.readAhead = readAhead;
        this.readAheadBytes = readAheadBytes;
    }

    /** One request per chunk. */
    ChunkInputStream(List<String> chunks, Function<String, byte[]> fetch, Executor executor, int readAhead) {
        this(chunks, (ids, from) -> new Run(1, 0), ids -> List.of(fetch.apply(ids.getFirst())), executor,
                readAhead, Long.MAX_VALUE);
    }

    @Override
    public int read() throws IOException {
        if (!ensure()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!ensure()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    /**
     * Writes each chunk in one call, not in small buffers: a file is restored with few large writes. The
     * array handed to {@code out} is the stream's own; chunks must never come from a shared cache.
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long written = 0;
        while (ensure()) {
            int n = current.length - position;
            out.write(current, position, n);
            position += n;
            written += n;
        }
        return written;
    }

    /** Stops fetching; any later read throws, so that a closed stream never looks like a shorter one. */
    @Override
    public void close() {
        closed = true;
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        pendingBytes.clear();
        bytesInFlight = 0;
        fetched.clear();
        current = EMPTY;
        nextToFetch = chunks.size();
    }

    private boolean ensure() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        try {
            return advance();
        } catch (RuntimeException | IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Moves to the next chunk while the current one is used up; false at the end of the stream. */
    private boolean advance() throws IOException {
        while (position >= current.length) {
            position = 0;
            current = EMPTY;
            if (!fetched.isEmpty()) {
                current = fetched.poll();
                continue;
            }
            if (chunks.size() == 1 && nextToFetch == 0) {
                // a small file: fetching it here spares a hand-over to another thread and back
                current = fetchChecked(chunks).getFirst();
                nextToFetch = 1;
                continue;
            }
            while (nextToFetch < chunks.size() && pending.size() < readAhead
                    && (pending.isEmpty() || bytesInFlight < readAheadBytes)) {
                Run run = planner.plan(chunks, nextToFetch);
                int n = Math.max(1, Math.min(run.chunks(), chunks.size() - nextToFetch));
                List<String> ids = List.copyOf(chunks.subList(nextToFetch, nextToFetch + n));
                nextToFetch += n;
                pending.add(CompletableFuture.supplyAsync(() -> fetchChecked(ids), executor));
                pendingBytes.add(run.bytes());
                bytesInFlight += run.bytes();
            }
            if (pending.isEmpty()) {
                return false;
            }
            bytesInFlight -= pendingBytes.poll();
            try {
                fetched.addAll(pending.poll().join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                throw new InterruptedIOException("stream closed");
            }
        }
        return true;
    }

    private List<byte[]> fetchChecked(List<String> ids) {
        List<byte[]> got = fetch.apply(ids);
        if (got.size() != ids.size()) {
            throw new IllegalStateException("asked for " + ids.size() + " chunks, got " + got.size());
        }
        return got;
    }
}
