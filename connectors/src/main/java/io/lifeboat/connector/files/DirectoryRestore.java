package io.lifeboat.connector.files;

import io.lifeboat.connector.StagedRestore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** A directory staged beside the live one ({@link DirectorySwap} names and moves the trees). */
final class DirectoryRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(DirectoryRestore.class);

    private final DirectorySwap swap;
    private final long bytes;
    private final Map<String, Long> objects;
    private final boolean staged;

    /** {@code staged} false: a handle from names alone, which cannot switch over. */
    DirectoryRestore(DirectorySwap swap, long bytes, Map<String, Long> objects, boolean staged) {
        this.swap = swap;
        this.bytes = bytes;
        this.objects = objects;
        this.staged = staged;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    /** {@code files}, {@code directories} and {@code symlinks} of the staged tree. */
    @Override
    public Map<String, Long> objects() {
        return objects;
    }

    @Override
    public void switchOver() {
        if (!staged) {
            throw new IllegalStateException("a resumed restore cannot switch over");
        }
        swap.switchOver();
    }

    @Override
    public void switchBack() {
        swap.switchBack();
    }

    @Override
    public void commit() {
        swap.commit();
    }

    @Override
    public void close() {
        try {
            swap.discard();
        } catch (RuntimeException e) {
            log.warn("cannot delete the staged files at {}: {}", swap.staging(), e.getMessage());
        }
    }
}
