package io.lifeboat.storage.repo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads one stored part: its tree entries in stored order, and each file's verified content as a stream. */
public final class SnapshotReader {

    /** Plaintext fetched ahead of the reader of one file, whatever the number of cores: four full runs. */
    static final long READ_AHEAD_BYTES = 4L * ChunkSource.RUN_BYTES;

    private final Repository repository;
    private final PartManifest manifest;
    private final ChunkSource chunks;
    private final Supplier<String> context;

    SnapshotReader(Repository repository, PartManifest manifest, ChunkSource chunks) {
        this.repository = repository;
        this.manifest = manifest;
        this.chunks = chunks;
        this.context = () -> "backup " + manifest.backupId() + " part " + manifest.part();
    }

    public PartManifest manifest() {
        return manifest;
    }

    /** The tree's entries, read lazily; close the stream when done. */
    public Stream<TreeEntry> entries() {
        InputStream in = stream(manifest.tree());
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Iterator<TreeEntry> iterator = new Iterator<>() {
            private String next = advance();

            private String advance() {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public TreeEntry next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                TreeEntry entry = Json.read(next.getBytes(StandardCharsets.UTF_8), TreeEntry.class,
                        "tree entry of " + context.get());
                next = advance();
                return entry;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(() -> closeQuietly(lines));
    }

    /** A file's content. Every chunk is verified as it is read; corruption throws, naming the object. */
    public InputStream open(TreeEntry file) {
        if (file.kind() != TreeEntry.Kind.FILE) {
            throw new IllegalArgumentException(file.path() + " is not a file");
        }
        return stream(file.chunks());
    }

    private InputStream stream(List<String> ids) {
        // a one-chunk file is read through its pack's window, with the small files stored beside it
        Function<List<String>, List<byte[]>> fetch = ids.size() == 1
                ? one -> List.of(chunks.read(one.getFirst(), context))
                : run -> chunks.readRun(run, context);
        return new ChunkInputStream(ids, chunks::run, fetch, repository.io(), repository.options().threads() + 2,
                READ_AHEAD_BYTES);
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing to release beyond pending fetches
        }
    }
}
