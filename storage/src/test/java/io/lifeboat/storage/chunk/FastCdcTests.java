package io.lifeboat.storage.chunk;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FastCdcTests {

    private static final ChunkerParams SMALL = new ChunkerParams(2 * 1024, 8 * 1024, 32 * 1024);

    @Test
    void chunksRespectTheSizeBoundsAndConcatenateToTheInput() throws IOException {
        byte[] data = random(1_000_000, 1);
        List<byte[]> chunks = read(data);
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(c.length).isBetween(SMALL.minSize(), SMALL.maxSize()));
        assertThat(concat(chunks)).isEqualTo(data);
        double average = (double) data.length / chunks.size();
        assertThat(average).isBetween(SMALL.avgSize() * 0.5, SMALL.avgSize() * 2.0);
    }

    @Test
    void anInsertionNearTheStartChangesOnlyTheChunksAroundIt() throws IOException {
        byte[] original = random(2_000_000, 2);
        byte[] edited = new byte[original.length + 10];
        System.arraycopy(original, 0, edited, 0, 5000);
        System.arraycopy(original, 5000, edited, 5010, original.length - 5000);
        Set<String> before = ids(read(original));
        List<byte[]> after = read(edited);
        long changed = after.stream().filter(c -> !before.contains(id(c))).count();
        assertThat(changed).isLessThanOrEqualTo(3);
        assertThat(after.size()).isGreaterThan(100);
    }

    @Test
    void theOutputStreamCutsWhereTheReaderCuts() throws IOException {
        byte[] data = random(700_000, 3);
        List<byte[]> viaStream = new ArrayList<>();
        try (ChunkingOutputStream out = new ChunkingOutputStream(new FastCdc(SMALL), viaStream::add)) {
            for (int i = 0; i < data.length; i += 777) {
                out.write(data, i, Math.min(777, data.length - i));
            }
        }
        assertThat(ids(viaStream)).isEqualTo(ids(read(data)));
        assertThat(viaStream.stream().map(FastCdcTests::id).toList())
                .isEqualTo(read(data).stream().map(FastCdcTests::id).toList());
    }

    @Test
    void emptyInputHasNoChunks() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
    }

    private static List<byte[]> read(byte[] data) throws IOException {
        ChunkReader reader = new ChunkReader(new FastCdc(SMALL), new ByteArrayInputStream(data));
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] c = reader.next(); c != null; c = reader.next()) {
            chunks.add(c);
        }
        return chunks;
    }

    private static Set<String> ids(List<byte[]> chunks) {
        Set<String> ids = new HashSet<>();
        chunks.forEach(c -> ids.add(id(c)));
        return ids;
    }

    private static String id(byte[] chunk) {
        return java.util.Arrays.hashCode(chunk) + ":" + chunk.length;
    }

    private static byte[] concat(List<byte[]> chunks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
