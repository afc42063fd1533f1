package io.lifeboat.storage.repo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionTests {

    @Test
    void aSmallChunkAfterALargeOneGetsOnlyItsOwnFrameFromTheReusedBuffer() {
        byte[] large = text(3 * 1024 * 1024, 1);
        byte[] small = text(10_000, 2);
        int level = 7; // a pool of its own: no other test leaves compressors in it
        byte[] first = Compression.compressChunk(large, level, Arrays::copyOf);
        int[] bufferLength = new int[1];
        byte[] second = Compression.compressChunk(small, level, (buffer, length) -> {
            bufferLength[0] = buffer.length;
            return Arrays.copyOf(buffer, length);
        });
        assertThat(bufferLength[0]).as("the buffer of the large chunk is reused").isGreaterThan(3 * 1024 * 1024);
        assertThat(Compression.decompress(first, large.length, "large")).isEqualTo(large);
        assertThat(Compression.decompress(second, small.length, "small")).isEqualTo(small);
        assertThat(second).isEqualTo(Compression.compress(small, level));
    }

    @Test
    void randomBytesComeBackUnchangedThoughTheyDoNotShrink() {
        byte[] random = new byte[1 << 20];
        new Random(3).nextBytes(random);
        byte[] frame = Compression.compressChunk(random, 1, Arrays::copyOf);
        assertThat(frame.length).isGreaterThanOrEqualTo(random.length);
        assertThat(Compression.decompress(frame, random.length, "random")).isEqualTo(random);
    }

    private static byte[] text(int size, int seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + random.nextInt(8));
        }
        return data;
    }
}
