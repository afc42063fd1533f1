package io.lifeboat.system;

import io.lifeboat.testing.ChildProcesses;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The five services as separate JVMs, each started with {@code java -jar} from its packaged jar. */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("api-gateway", "scheduler-service", "snapshot-worker",
            "restore-worker", "retention-service");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path logs;
    private final Map<String, String> properties;

    /** Starts the five JVMs and waits until each is healthy; if any does not come up, stops them all. */
    ServiceProcesses(Map<String, String> properties, Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.properties = properties;
        try {
            for (String service : SERVICES) {
                start(service, properties);
            }
            awaitHealthy();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void start(String service, Map<String, String> properties) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar(service).toString(),
                "--server.port=" + port));
        properties.forEach((k, v) -> {
            if (!k.equals("server.port")) {
                command.add("--" + k + "=" + v);
            }
        });
        processes.put(service, ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile())));
        ports.put(service, port);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    for (String service : SERVICES) {
                        if (!processes.get(service).isAlive()) {
                            throw new IllegalStateException(service + " exited; see " + logs.resolve(service + ".log"));
                        }
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + ports.get(service) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                        if (!health.body().contains("\"UP\"")) {
                            throw new AssertionError(service + " is not up yet: " + health.body());
                        }
                    }
                });
    }

    /** Kills one service as {@code kill -9} would: it runs no shutdown hook and finishes nothing. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a service that was killed again, on a port of its own, and waits until every service is healthy. */
    void restart(String service) throws IOException {
        Files.move(logs.resolve(service + ".log"), logs.resolve(service + ".killed.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        start(service, properties);
        awaitHealthy();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("api-gateway");
    }

    Map<String, Process> processes() {
        return processes;
    }

    String log(String service) throws IOException {
        return Files.readString(logs.resolve(service + ".log"));
    }

    static Path jar(String service) {
        Path jar = Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify' (scripts/test.sh), "
                    + "which packages every service first");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops every JVM and what it started (pg_dump and the like), waiting up to 30 s before killing. */
    @Override
    public void close() {
        ChildProcesses.stop(processes.values(), Duration.ofSeconds(30));
    }
}
