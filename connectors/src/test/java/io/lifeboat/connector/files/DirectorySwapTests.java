package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.testing.TempTrees;
import io.lifeboat.testing.TreeFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switch-over and a switch-back, stopped before each of their renames as a killed process would stop, then taken
 * up by a new handle from the names alone: a switch-back always gives the tree as it was, a commit the restored
 * tree or a refusal. Also for a live directory that cannot be renamed (a mount point, played by {@link #mountPoint}).
 */
class DirectorySwapTests {

    private static final String OP = "0000000000000000000000000000abcd";

    @TempDir
    Path base;

    @Test
    void aMountPointKeepsItsInodeAndGetsItsEntriesBackWithItsModeAndMtime() throws Exception {
        Path live = fixture("mounted");
        Files.setAttribute(live, "unix:mode", 0751);
        Files.setLastModifiedTime(live, FileTime.fromMillis(1_400_000_000_000L));
        Map<String, String> before = TreeFingerprint.of(live);
        Object inode = Files.getAttribute(live, "unix:ino");
        DirectorySwap swap = swap(live, mountPoint(live));
        Map<String, String> restored = restored(live, swap);
        swap.switchOver();
        assertThat(TreeFingerprint.of(live)).isEqualTo(restored);
        assertThat(Files.getAttribute(live, "unix:ino")).isEqualTo(inode);
        swap.switchBack();
        assertThat(TreeFingerprint.of(live)).isEqualTo(before);
        assertThat(Files.getAttribute(live, "unix:mode", LinkOption.NOFOLLOW_LINKS)).isEqualTo(040751);
        assertThat(Files.getLastModifiedTime(live).toMillis()).isEqualTo(1_400_000_000_000L);
        assertThat(Files.getAttribute(live, "unix:ino")).isEqualTo(inode);
        assertLeftAlone(live);
    }

    @Test
    void aSwitchOverStoppedAtAnyStepIsSwitchedBackOrCommittedByALaterRun() throws Exception {
        for (String kind : new String[] {"renamed", "mounted", "absent"}) {
            for (boolean commit : new boolean[] {false, true}) {
                for (int stop = 1; ; stop++) {
                    Path live = fixture(kind + "-" + commit + "-" + stop);
                    if (kind.equals("absent")) {
                        TempTrees.delete(live);
                    }
                    Map<String, String> before = Files.exists(live) ? TreeFingerprint.of(live) : null;
                    Trees.Move move = kind.equals("mounted") ? mountPoint(live) : Trees.Move.ATOMIC;
                    DirectorySwap first = swap(live, stoppingAt(stop, move));
                    Map<String, String> restored = restored(live, first);
                    boolean completed = runs(first::switchOver);
                    DirectorySwap later = swap(live, move);
                    String what = kind + (commit ? ", committed" : ", switched back") + ", stopped at rename " + stop;
                    if (commit && runs(later::commit)) {
                        later.discard();
                        Map<String, String> after = Files.exists(live) ? TreeFingerprint.of(live) : null;
                        assertThat(after).as(what + ": the restored tree, or the tree as it was if nothing"
                                + " was switched").isIn(restored, before);
                        if (completed) {
                            assertThat(after).as(what).isEqualTo(restored);
                        }
                    } else {
                        assertThat(commit && completed).as(what + ": a complete switch-over commits").isFalse();
                        later.switchBack();
                        later.switchBack();
                        later.discard();
                        assertThat(Files.exists(live) ? TreeFingerprint.of(live) : null).as(what).isEqualTo(before);
                    }
                    assertLeftAlone(live);
                    if (completed) {
                        break;
                    }
                }
            }
        }
    }

    @Test
    void aSwitchBackStoppedAtAnyStepIsFinishedByALaterRun() throws Exception {
        for (String kind : new String[] {"renamed", "mounted", "absent"}) {
            for (int stop = 1; ; stop++) {
                Path live = fixture("back-" + kind + "-" + stop);
                if (kind.equals("absent")) {
                    TempTrees.delete(live);
                }
                Map<String, String> before = Files.exists(live) ? TreeFingerprint.of(live) : null;
                Trees.Move move = kind.equals("mounted") ? mountPoint(live) : Trees.Move.ATOMIC;
                DirectorySwap first = swap(live, move);
                restored(live, first);
                first.switchOver();
                boolean completed = runs(swap(live, stoppingAt(stop, move))::switchBack);
                DirectorySwap later = swap(live, move);
                later.switchBack();
                later.discard();
                assertThat(Files.exists(live) ? TreeFingerprint.of(live) : null)
                        .as(kind + ", stopped at rename " + stop).isEqualTo(before);
                assertLeftAlone(live);
                if (completed) {
                    break;
                }
            }
        }
    }

    @Test
    void aSecondSwitchOverOfTheSameRestoreIsRefusedAndChangesNothing() throws Exception {
        Path live = fixture("twice");
        Map<String, String> before = TreeFingerprint.of(live);
        DirectorySwap swap = swap(live, Trees.Move.ATOMIC);
        Map<String, String> restored = restored(live, swap);
        swap.switchOver();
        TreeFingerprint.populate(Files.createDirectories(swap.staging()), 16);
        assertThat(runs(swap::switchOver)).isFalse();
        assertThat(TreeFingerprint.of(live)).isEqualTo(restored);
        swap.switchBack();
        assertThat(TreeFingerprint.of(live)).isEqualTo(before);
        assertLeftAlone(live);
    }

    /** A live tree with a {@code .git} directory, which no step may change. */
    private Path fixture(String name) throws IOException {
        Path parent = Files.createDirectories(base.resolve(name));
        Path live = parent.resolve("live");
        Files.createDirectories(live);
        TreeFingerprint.populate(live, 4096);
        Files.createDirectories(live.resolve(".git/refs"));
        Files.writeString(live.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        return live;
    }

    /** Stages a different tree; returns what the live directory holds once switched over (its .git kept). */
    private static Map<String, String> restored(Path live, DirectorySwap swap) throws IOException {
        Path staging = Files.createDirectories(swap.staging());
        Files.createDirectories(staging.resolve("restored/empty"));
        Files.writeString(staging.resolve("restored/file.txt"), "from the backup");
        Files.writeString(staging.resolve("only in the backup ü"), "x");
        Files.createSymbolicLink(staging.resolve("restored/link"), Path.of("file.txt"));
        Files.setAttribute(staging.resolve("restored/file.txt"), "unix:mode", 0604);
        Map<String, String> expected = new TreeMap<>(TreeFingerprint.of(staging));
        if (Files.exists(live.resolve(".git"))) {
            TreeFingerprint.of(live).forEach((path, entry) -> {
                if (path.equals(".git") || path.startsWith(".git/")) {
                    expected.put(path, entry);
                }
            });
        }
        return expected;
    }

    private static DirectorySwap swap(Path live, Trees.Move move) {
        return new DirectorySwap(live, OP, Set.of(".git"), move);
    }

    /** Plays a mount point at {@code live}: it cannot be renamed, nor can anything be renamed into or out of it. */
    private static Trees.Move mountPoint(Path live) {
        return (from, to) -> {
            if (from.equals(live)) {
                throw new FileSystemException(from.toString(), to.toString(), "Device or resource busy");
            }
            if (live.equals(from.getParent()) != live.equals(to.getParent())) {
                throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "Invalid cross-device link");
            }
            Trees.Move.ATOMIC.move(from, to);
        };
    }

    /** Stops, as a killed process would, before the {@code n}th rename. */
    private static Trees.Move stoppingAt(int n, Trees.Move move) {
        AtomicInteger renames = new AtomicInteger();
        return (from, to) -> {
            if (renames.incrementAndGet() == n) {
                throw new Stopped();
            }
            move.move(from, to);
        };
    }

    /** True when {@code step} ran to its end; false when it stopped or was refused. */
    private static boolean runs(Runnable step) {
        try {
            step.run();
            return true;
        } catch (Stopped | ConnectorException e) {
            return false;
        }
    }

    /** Nothing but the live directory, if there is one, is left beside it. */
    private static void assertLeftAlone(Path live) throws IOException {
        try (Stream<Path> siblings = Files.list(live.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .containsExactlyElementsOf(Files.exists(live) ? java.util.List.of("live") : java.util.List.of());
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped here");
        }
    }
}
