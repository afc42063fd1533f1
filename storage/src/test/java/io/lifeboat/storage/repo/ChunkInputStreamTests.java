package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ChunkInputStreamTests {

    private static byte[] fetch(String id) {
        if (id.equals("bad")) {
            throw new CorruptDataException("chunk bad in object data/p1 failed authentication", null);
        }
        return id.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsTheChunksInOrderWhateverOrderTheyArriveIn() throws IOException {
        CountDownLatch lastFetched = new CountDownLatch(1);
        Function<String, byte[]> fetch = id -> {
            if (id.equals("one-")) {
                awaitLatch(lastFetched);
            }
            if (id.equals("three")) {
                lastFetched.countDown();
            }
            return id.getBytes(StandardCharsets.US_ASCII);
        };
        try (ExecutorService executor = Executors.newFixedThreadPool(3);
             ChunkInputStream in = new ChunkInputStream(List.of("one-", "two-", "three"), fetch, executor, 3)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(in.transferTo(out)).isEqualTo(13);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("one-two-three");
        }
    }

    @Test
    void runsOfChunksComeBackInOrderAndAFailedRunFailsTheStreamAfterTheChunksBeforeIt() throws IOException {
        List<List<String>> requests = new CopyOnWriteArrayList<>();
        Function<List<String>, List<byte[]>> fetch = ids -> {
            requests.add(ids);
            return ids.stream().map(ChunkInputStreamTests::fetch).toList();
        };
        try (ExecutorService executor = Executors.newFixedThreadPool(2);
             ChunkInputStream in = new ChunkInputStream(List.of("a", "b", "c", "bad", "e"),
                     (ids, from) -> new ChunkInputStream.Run(2, 0), fetch, executor, 2, Long.MAX_VALUE)) {
            assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("ab");
            Throwable failure = catchThrowable(in::read);
            assertThat(failure).isInstanceOf(CorruptDataException.class);
            assertThatThrownBy(in::read).isSameAs(failure);
        }
        assertThat(requests).contains(List.of("a", "b"), List.of("c", "bad"));
    }

    @Test
    void readingAheadStopsAtItsBudgetOfPlaintextButAlwaysFetchesOneRequest() throws Exception {
        Queue<Runnable> submitted = new ConcurrentLinkedQueue<>();
        Executor manual = submitted::add;
        ChunkInputStream in = new ChunkInputStream(List.of("a", "b", "c", "d", "e", "f"),
                (ids, from) -> new ChunkInputStream.Run(1, 8L * 1024 * 1024),
                ids -> ids.stream().map(ChunkInputStreamTests::fetch).toList(), manual, 10, 16L * 1024 * 1024);
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            Future<byte[]> all = reader.submit(in::readAllBytes);
            await().atMost(Duration.ofMinutes(2)).until(() -> submitted.size() == 2);
            assertThat(all.isDone()).isFalse();
            while (!all.isDone()) {
                Runnable next = submitted.poll();
                if (next != null) {
                    assertThat(submitted).hasSizeLessThanOrEqualTo(2);
                    next.run();
                }
            }
            assertThat(new String(all.get(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        }
    }

    @Test
    void aClosedStreamRefusesToReadInsteadOfEndingEarly() throws IOException {
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            ChunkInputStream in = new ChunkInputStream(List.of("one-", "two-"), ChunkInputStreamTests::fetch,
                    executor, 2);
            assertThat(in.read()).isEqualTo('o');
            in.close();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedChunkFailsEveryLaterReadWithTheSameError() throws IOException {
        try (ExecutorService executor = Executors.newFixedThreadPool(2);
             ChunkInputStream in = new ChunkInputStream(List.of("first", "bad", "last"),
                     ChunkInputStreamTests::fetch, executor, 2)) {
            byte[] buffer = new byte[64];
            assertThat(in.read(buffer)).isEqualTo(5);
            Throwable first = catchThrowable(() -> in.read(buffer));
            assertThat(first).isInstanceOf(CorruptDataException.class).hasMessageContaining("data/p1");
            assertThatThrownBy(() -> in.read(buffer)).isSameAs(first);
            assertThatThrownBy(in::read).isSameAs(first);
        }
    }

    @Test
    void aFetchThatFailsWithAnIoErrorFailsLaterReadsWithTheSameIoError() throws IOException {
        try (ExecutorService executor = Executors.newFixedThreadPool(2);
             ChunkInputStream in = new ChunkInputStream(List.of("disk", "more"), id -> {
                 throw ChunkInputStreamTests.<RuntimeException>sneaky(new IOException("read of " + id + " failed"));
             }, executor, 2)) {
            byte[] buffer = new byte[64];
            Throwable first = catchThrowable(() -> in.read(buffer));
            assertThat(first).isInstanceOf(IOException.class).hasMessageContaining("read of disk failed");
            assertThatThrownBy(() -> in.read(buffer)).isSameAs(first);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
