package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Switches a directory to its staged tree and back, knowing only names beside it, each named by the operation id so
 * that a later run finds them:
 * <ul>
 *   <li>{@code .lifeboat-restore-<op>-<name>}: the staged tree, and after a switch-back the restored tree on its way
 *       out;</li>
 *   <li>{@code .lifeboat-old-<op>-<name>}: the live tree, kept aside until commit;</li>
 *   <li>{@code .lifeboat-absent-<op>-<name>}: a marker that there was no live tree;</li>
 *   <li>{@code .lifeboat-copy-<op>-<name>}: the copy of a live directory that cannot be renamed (a mount point)
 *       while it is written; renamed to the kept-aside name once complete.</li>
 * </ul>
 * Entries named in {@code keep} (such as {@code .git}) stay as they are in the live directory: Lifeboat never
 * modifies them.
 */
final class DirectorySwap {

    private static final Logger log = LoggerFactory.getLogger(DirectorySwap.class);

    private final Path live;
    private final Path staging;
    private final Path old;
    private final Path copy;
    private final Path absent;
    private final Set<String> keep;
    private final Trees.Move move;

    DirectorySwap(Path live, String operationId, Set<String> keep, Trees.Move move) {
        this.live = live;
        this.staging = beside(live, "restore", operationId);
        this.old = beside(live, "old", operationId);
        this.copy = beside(live, "copy", operationId);
        this.absent = beside(live, "absent", operationId);
        this.keep = keep;
        this.move = move;
    }

    /** The name of one kind of directory beside {@code live}, for one operation. */
    static Path beside(Path live, String kind, String operationId) {
        return live.toAbsolutePath().getParent().resolve(".lifeboat-" + kind + "-" + operationId + "-"
                + live.getFileName());
    }

    Path staging() {
        return staging;
    }

    /**
     * Renames the live tree aside and the staged tree into its place, then moves the kept entries into it. A live
     * directory that cannot be renamed is copied aside whole first, then its entries are replaced. A target without
     * a live tree gets the absent marker first.
     */
    void switchOver() {
        run("switching " + live + " to the restored files", () -> {
            if (Trees.exists(old) || Trees.exists(absent)) {
                throw new ConnectorException("switching " + live + " to the restored files: this restore's switch-over"
                        + " began already; it can only be switched back or committed", false);
            }
            if (!Trees.exists(live)) {
                Files.createFile(absent);
                move.move(staging, live);
                return;
            }
            try {
                move.move(live, old);
            } catch (IOException cannot) {
                log.info("{} cannot be renamed ({}), a mount point perhaps: it is copied aside and its entries replaced",
                        live, cannot.toString());
                replaceEntries();
                return;
            }
            move.move(staging, live);
            moveKept(old, live);
        });
    }

    private void replaceEntries() throws IOException {
        Trees.deleteRecursively(copy);
        Files.createDirectory(copy);
        Trees.copyChildren(live, copy, keep);
        Trees.copyAttributes(live, copy);
        move.move(copy, old);
        Trees.clear(live, keep);
        Trees.moveChildren(staging, live, move);
        Trees.copyAttributes(staging, live);
        Trees.deleteRecursively(staging);
    }

    /**
     * Puts the kept-aside tree back, from whatever state a switch-over or an earlier switch-back left; a target that
     * had no live tree is left without. The restored tree goes.
     */
    void switchBack() {
        run("switching " + live + " back to the files as they were", () -> {
            Trees.deleteRecursively(copy);
            if (Trees.exists(old)) {
                if (Trees.exists(live)) {
                    Trees.deleteRecursively(staging); // what a mount point's switch-over left of the staged tree
                    try {
                        move.move(live, staging);
                    } catch (IOException cannot) {
                        copyBack();
                        return;
                    }
                }
                if (Trees.exists(staging)) {
                    moveKept(staging, old);
                }
                move.move(old, live);
            } else if (Trees.exists(absent) && Trees.exists(live)) {
                Trees.deleteRecursively(staging);
                move.move(live, staging);
            }
            Trees.deleteRecursively(staging);
            Files.deleteIfExists(absent);
        });
    }

    /** A live directory that cannot be renamed gets the kept-aside entries back by copy, so a retry starts over. */
    private void copyBack() throws IOException {
        Trees.clear(live, keep);
        Trees.copyChildren(old, live, keep.stream().filter(name -> Trees.exists(live.resolve(name)))
                .collect(Collectors.toSet()));
        Trees.copyAttributes(old, live);
        Trees.deleteRecursively(old);
        Trees.deleteRecursively(staging);
    }

    /** Deletes the kept-aside tree; refused while the switch-over is incomplete. */
    void commit() {
        run("deleting the files " + live + " held before the restore", () -> {
            Trees.deleteRecursively(copy);
            if (!Trees.exists(old) && !Trees.exists(absent)) {
                return;
            }
            if (Trees.exists(staging) || !Trees.exists(live)) {
                throw new ConnectorException("committing the restore of " + live + ": its switch-over did not complete"
                        + " (" + staging + " is still there); it can only be switched back", false);
            }
            if (Trees.exists(old)) {
                moveKept(old, live);
                Trees.deleteRecursively(old);
            }
            Files.deleteIfExists(absent);
        });
    }

    /** Deletes the staged tree and a partial copy, unless a switch-over is under way (switch-back or commit ends it). */
    void discard() {
        if (!Trees.exists(old) && !Trees.exists(absent)) {
            Trees.deleteRecursively(staging);
            Trees.deleteRecursively(copy);
        }
    }

    /** Moves the kept entries of {@code from} that {@code to} lacks into it. */
    private void moveKept(Path from, Path to) throws IOException {
        for (String name : keep) {
            if (Trees.exists(from.resolve(name)) && !Trees.exists(to.resolve(name))) {
                move.move(from.resolve(name), to.resolve(name));
            }
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void run(String what, Step step) {
        try {
            step.run();
        } catch (IOException | UncheckedIOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }
}
