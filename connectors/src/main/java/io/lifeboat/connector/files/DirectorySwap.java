package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/** Makes a staged directory live: two renames when possible, else a move of its entries. */
public final class DirectorySwap {

    private DirectorySwap() {
    }

    /**
     * Replaces {@code live} with {@code staging}. Entries named in {@code keep} (such as {@code .git}) stay
     * as they are in the live directory: Lifeboat never modifies them.
     */
    public static void swap(Path live, Path staging, String operationId, Set<String> keep) {
        try {
            if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(live.toAbsolutePath().getParent());
                Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            for (String name : keep) {
                Path kept = live.resolve(name);
                if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
                    Trees.deleteRecursively(staging.resolve(name));
                    Files.move(kept, staging.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Path old = live.toAbsolutePath().getParent().resolve(".lifeboat-old-" + operationId + "-"
                    + live.getFileName());
            try {
                Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException busy) {
                replaceContents(live, staging);
                return;
            }
            Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE);
            Trees.deleteRecursively(old);
        } catch (IOException e) {
            throw new ConnectorException("switching " + live + " to the restored files failed: " + e.getMessage(),
                    false, e);
        }
    }

    /** For a live directory that cannot be renamed (a mount point): empty it, then move the staged entries in. */
    private static void replaceContents(Path live, Path staging) throws IOException {
        try (Stream<Path> children = Files.list(live)) {
            for (Path child : children.toList()) {
                Trees.deleteRecursively(child);
            }
        }
        TreeStager.moveChildren(staging, live);
        Files.setPosixFilePermissions(live, Files.getPosixFilePermissions(staging));
        Files.setLastModifiedTime(live, Files.getLastModifiedTime(staging));
        Trees.deleteRecursively(staging);
    }
}
