package io.lifeboat.cli;

import io.lifeboat.testing.ChildProcesses;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code lifeboat} as its own process, as a cron job would: no terminal, the LIFEBOAT_*
 * variables given here and no others. Every run is checked never to print the token it used.
 */
final class Cli {

    record Result(int exit, String out, String err) {

        JsonNode json() {
            return Api.JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> environment;
    private final Path dir;

    Cli(Map<String, String> environment, Path dir) {
        this.environment = environment;
        this.dir = dir;
    }

    private List<String> tokens(String[] args) {
        List<String> tokens = new ArrayList<>(List.of(CliStack.TOKEN));
        if (environment.get("LIFEBOAT_TOKEN") != null) {
            tokens.add(environment.get("LIFEBOAT_TOKEN"));
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--token")) {
                tokens.add(args[i + 1]);
            }
        }
        return tokens;
    }

    /** The same, with these variables changed; a null value unsets one. */
    Cli with(String name, String value) {
        Map<String, String> changed = new java.util.HashMap<>(environment);
        changed.put(name, value);
        changed.values().removeIf(java.util.Objects::isNull);
        return new Cli(changed, dir);
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.lifeboat.cli.Lifeboat"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("LIFEBOAT_")
                    && !name.startsWith("LIFEBOAT_TEST_"));
            builder.environment().remove("COLUMNS");
            builder.environment().putAll(environment);
            Process process = ChildProcesses.start(builder);
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                ChildProcesses.stop(process, Duration.ZERO);
                throw new AssertionError("lifeboat " + String.join(" ", args) + " did not end within 3 minutes");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            for (String token : tokens(args)) {
                assertThat(result.out() + result.err()).as("never the token").doesNotContain(token);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
