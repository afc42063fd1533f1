package io.lifeboat.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for Lifeboat's own catalog, from the binaries io.zonky ships in a jar. PostgreSQL
 * refuses to run as root; when Lifeboat runs as root, the server runs as the unprivileged user 65534.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final String UNPRIVILEGED = "65534";

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));

    EmbeddedPostgres(Path home, int port) throws IOException, InterruptedException {
        this.port = port;
        // as root, PostgreSQL runs as nobody, who may not reach the home: it then lives in the temp directory,
        // one data directory per home, so that two homes never share a catalog
        Path base = asRoot ? Path.of(System.getProperty("java.io.tmpdir"), "lifeboat-embedded-postgres")
                : home.resolve("postgres");
        this.bin = extract(base.resolve("binaries"));
        this.data = asRoot ? base.resolve("data-" + Integer.toHexString(home.toString().hashCode()))
                : base.resolve("data");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            own(data);
            run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C");
        }
        if (Files.exists(data.resolve("postmaster.pid"))) {
            runQuietly("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
        run("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", data.resolve("server.log").toString(),
                "-o", "-h 127.0.0.1 -p " + port + " -k " + data, "start");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        runQuietly("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    private Path extract(Path target) throws IOException {
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target.resolve("bin");
        }
        Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                     new BufferedInputStream(txz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = partial.resolve(entry.getName()).normalize();
                if (!path.startsWith(partial)) {
                    throw new IOException("unsafe entry in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target.resolve("bin");
    }

    private void own(Path dir) throws IOException, InterruptedException {
        if (asRoot) {
            Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            new ProcessBuilder("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, dir.toString()).inheritIO().start()
                    .waitFor();
        }
    }

    private void run(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED, "--clear-groups",
                    "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(tool + " failed: " + output.strip());
        }
    }

    private void runQuietly(String tool, String... arguments) {
        try {
            run(tool, arguments);
        } catch (IOException e) {
            // nothing was running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
