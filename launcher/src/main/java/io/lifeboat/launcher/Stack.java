package io.lifeboat.launcher;

import io.lifeboat.gateway.GatewayApplication;
import io.lifeboat.restore.RestoreWorkerApplication;
import io.lifeboat.retention.RetentionServiceApplication;
import io.lifeboat.scheduler.SchedulerServiceApplication;
import io.lifeboat.snapshot.SnapshotWorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The five services, each in its own Spring context, in this JVM: the embedded run and the in-process
 * tests use it. They still talk only through Kafka and object storage.
 */
public final class Stack implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final ConfigurableApplicationContext gateway;

    private Stack(Map<String, String> properties) {
        Map<String, Supplier<SpringApplicationBuilder>> services = new LinkedHashMap<>();
        services.put("snapshot-worker", SnapshotWorkerApplication::builder);
        services.put("restore-worker", RestoreWorkerApplication::builder);
        services.put("retention-service", RetentionServiceApplication::builder);
        services.put("scheduler-service", SchedulerServiceApplication::builder);
        // services start in parallel, on threads that see this jar's classes (a fat jar has its own loader)
        ClassLoader loader = Stack.class.getClassLoader();
        ExecutorService starter = Executors.newFixedThreadPool(services.size() + 1, runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-start");
            thread.setContextClassLoader(loader);
            return thread;
        });
        List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
        for (var service : services.entrySet()) {
            starting.add(CompletableFuture.supplyAsync(() -> start(service.getValue().get(), properties,
                    "spring.main.web-application-type=none"), starter));
        }
        CompletableFuture<ConfigurableApplicationContext> gatewayStart = CompletableFuture.supplyAsync(() ->
                start(GatewayApplication.builder(), properties), starter);
        starter.shutdown();
        try {
            starting.forEach(s -> contexts.add(s.join()));
            this.gateway = gatewayStart.join();
            contexts.add(gateway);
        } catch (RuntimeException e) {
            starting.stream().filter(s -> !s.isCompletedExceptionally()).forEach(s -> s.join().close());
            throw e;
        }
    }

    /** Starts the five services with these properties (datasource, Kafka, storage, keys, ports). */
    public static Stack start(Map<String, String> properties) {
        return new Stack(properties);
    }

    public int gatewayPort() {
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort();
    }

    public List<ConfigurableApplicationContext> contexts() {
        return List.copyOf(contexts);
    }

    /** Runs one service with these properties, as command-line arguments (they override its files). */
    public static ConfigurableApplicationContext start(SpringApplicationBuilder builder, Map<String, String> properties,
                                                       String... extra) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((k, v) -> arguments.add("--" + k + "=" + v));
        for (String property : extra) {
            arguments.add("--" + property);
        }
        return builder.listeners(new LoggingInitLock()).run(arguments.toArray(String[]::new));
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }
}
