package io.lifeboat.connector.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a Redis restore keeps a copy of the target's dataset while it switches: one RDB per operation and part,
 * in {@code lifeboat.restore.spool-dir} (else {@code <java.io.tmpdir>/lifeboat-restore-spool}). The copy is
 * written under a temporary name and renamed, so a spool file that exists is complete.
 */
final class Spool {

    /** The system property naming the directory. */
    static final String PROPERTY = "lifeboat.restore.spool-dir";

    private Spool() {
    }

    static Path file(String operationId, String part) {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "lifeboat-restore-spool") : Path.of(configured);
        return dir.resolve(operationId + "-" + URLEncoder.encode(part, StandardCharsets.UTF_8) + ".rdb");
    }

    /** The name {@code file} is written under until it is complete. */
    static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /** Writes {@code in} to {@code file}: to its partial name (mode 0600), synced, then renamed. */
    static void write(Path file, InputStream in) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path partial = partial(file);
        Files.deleteIfExists(partial);
        try (FileChannel channel = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------")))) {
            OutputStream out = Channels.newOutputStream(channel);
            in.transferTo(out);
            out.flush();
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
