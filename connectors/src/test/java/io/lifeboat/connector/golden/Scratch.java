package io.lifeboat.connector.golden;

import io.lifeboat.connector.files.FileRoots;
import io.lifeboat.testing.TempTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** What one run creates (databases, redis-servers, directories), dropped again on close, the last first. */
final class Scratch implements AutoCloseable {

    /** Drops one thing a run created. */
    interface Drop {
        void run() throws Exception;
    }

    private final Deque<Drop> drops = new ArrayDeque<>();
    private final Path base;

    Scratch() throws IOException {
        Path dir = Files.createTempDirectory("golden-");
        drops.push(() -> TempTrees.delete(dir));
        base = dir;
    }

    /** A directory of this run's own, under which the file parts live: their file roots. */
    Path base() {
        return base;
    }

    FileRoots roots() {
        return FileRoots.of(List.of(base.toString()));
    }

    /** Drops {@code drop} on close. */
    void onClose(Drop drop) {
        drops.push(drop);
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!drops.isEmpty()) {
            try {
                drops.pop().run();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
