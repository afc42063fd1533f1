package io.lifeboat.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool such as {@code pg_dump}. Secrets go in the environment, never in the arguments; the error
 * names the tool, its exit code and the end of its stderr.
 */
public final class ExternalProcess implements AutoCloseable {

    private final String tool;
    private final Process process;
    private final Thread stderrPump;
    private final StringBuilder stderr = new StringBuilder();

    private ExternalProcess(String tool, Process process) {
        this.tool = tool;
        this.process = process;
        this.stderrPump = Thread.ofVirtual().start(this::pumpStderr);
    }

    public static ExternalProcess start(List<String> command, Map<String, String> environment, String what) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return new ExternalProcess(command.getFirst(), builder.start());
        } catch (IOException e) {
            throw new ConnectorException(what + ": cannot run " + command.getFirst() + " (" + e.getMessage()
                    + "); is it installed and on the PATH?", true, e);
        }
    }

    /**
     * Runs a tool with {@code input} as its standard input and waits for it. When the tool stops reading
     * early, its own error is reported rather than the broken pipe.
     */
    public static void feed(List<String> command, Map<String, String> environment, String what, InputStream input) {
        try (ExternalProcess process = start(command, environment, what)) {
            try (OutputStream stdin = process.stdin()) {
                input.transferTo(stdin);
            } catch (IOException broken) {
                process.await(what);
                throw broken;
            }
            process.await(what);
        } catch (IOException e) {
            throw new ConnectorException(what + " failed: " + e.getMessage(), false, e);
        }
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits for the tool; throws naming {@code what} unless it exited with 0. */
    public void await(String what) {
        try {
            int exit = process.waitFor();
            stderrPump.join(TimeUnit.SECONDS.toMillis(5));
            if (exit != 0) {
                throw new ConnectorException(what + ": " + tool + " exited with " + exit + ": " + stderrTail(),
                        false);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConnectorException(what + ": interrupted", false, e);
        }
    }

    public String stderrTail() {
        synchronized (stderr) {
            return stderr.toString().strip();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void pumpStderr() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > 4000) {
                        stderr.delete(0, stderr.length() - 4000);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
