package io.lifeboat.system;

import io.lifeboat.testing.ChildProcesses;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the console's browser test needs, installed by the test itself: Debian's Chromium (apt-get), Node.js,
 * and browser-tests' npm packages ({@code npm ci} from the committed lock file into its git-ignored
 * {@code node_modules}). Where Chromium cannot be installed the test is skipped, saying why.
 */
final class BrowserTools {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** browser-tests/, beside this module. */
    static final Path DIR = Path.of("").toAbsolutePath().getParent().resolve("browser-tests");

    /** Chromium, Node.js and the npm packages, or the test is aborted (skipped) when Chromium cannot be had. */
    static void require() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = aptInstall("chromium");
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), () -> "SKIPPED: the console's browser test needs "
                    + "Chromium at " + CHROMIUM + ", which is missing and could not be installed with apt-get install "
                    + "chromium (" + why + ")");
        }
        if (run(List.of("node", "--version"), DIR, Duration.ofSeconds(30)).code() != 0) {
            aptInstall("nodejs npm");
        }
        Result node = run(List.of("node", "--version"), DIR, Duration.ofSeconds(30));
        if (node.code() != 0) {
            throw new IllegalStateException("the console's browser test needs Node.js (20 or newer): " + node.output());
        }
        npmCi();
    }

    /** {@code npm ci} unless node_modules already holds what package-lock.json names. */
    private static void npmCi() throws Exception {
        String lock = sha256(Files.readString(DIR.resolve("package-lock.json")));
        Path marker = DIR.resolve("node_modules/.lifeboat-installed");
        if (Files.exists(marker) && Files.readString(marker).equals(lock)
                && Files.exists(DIR.resolve("node_modules/playwright-core/package.json"))) {
            return;
        }
        Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), DIR, Duration.ofMinutes(5));
        if (ci.code() != 0) {
            throw new IllegalStateException("npm ci in " + DIR + " failed: " + ci.output());
        }
        Files.writeString(marker, lock);
    }

    /** Installs Debian packages when this runs as root with apt-get; returns what happened, for a skip message. */
    private static String aptInstall(String packages) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return "no apt-get on this machine";
        }
        if (!"0".equals(run(List.of("id", "-u"), DIR, Duration.ofSeconds(10)).output().strip())) {
            return "not running as root";
        }
        String install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends " + packages;
        Result first = run(List.of("sh", "-c", install), DIR, Duration.ofMinutes(10));
        if (first.code() == 0) {
            return "installed";
        }
        Result second = run(List.of("sh", "-c", "apt-get update -qq && " + install), DIR, Duration.ofMinutes(10));
        return second.code() == 0 ? "installed" : "apt-get failed: " + tail(second.output());
    }

    record Result(int code, String output) {
    }

    /** Runs a command, its output (stdout and stderr) kept; a command that outlives {@code limit} is stopped. */
    static Result run(List<String> command, Path dir, Duration limit) throws IOException {
        return run(command, dir, limit, Map.of());
    }

    static Result run(List<String> command, Path dir, Duration limit, Map<String, String> environment)
            throws IOException {
        Path log = Files.createTempFile("browser-tools-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = ChildProcesses.start(builder);
        } catch (IOException e) {
            return new Result(-1, command.getFirst() + " cannot be started: " + e.getMessage());
        }
        try {
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                ChildProcesses.stop(process, Duration.ofSeconds(5));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(ended ? process.exitValue() : -1, ended ? output
                    : output + "\n(stopped after " + limit.toSeconds() + " s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcesses.stop(process, Duration.ZERO);
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String output) {
        return output.length() <= 400 ? output.strip() : "…" + output.substring(output.length() - 400).strip();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private BrowserTools() {
    }
}
