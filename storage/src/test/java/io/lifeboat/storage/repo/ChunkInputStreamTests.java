package io.lifeboat.storage.repo;

import io.lifeboat.storage.crypto.CorruptDataException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
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
        try (ExecutorService executor = Executors.newFixedThreadPool(4);
             ChunkInputStream in = new ChunkInputStream(List.of("one-", "two-", "three"),
                     ChunkInputStreamTests::fetch, executor, 3)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(in.transferTo(out)).isEqualTo(13);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("one-two-three");
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
