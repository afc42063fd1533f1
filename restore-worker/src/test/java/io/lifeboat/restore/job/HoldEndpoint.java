package io.lifeboat.restore.job;

import com.sun.net.httpserver.HttpServer;
import io.lifeboat.contracts.Hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A target environment's hold and release endpoints. A hold answers only once the test lets it, so a test can
 * act while a run waits just before its switch-over.
 */
final class HoldEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<String> holds = new CopyOnWriteArrayList<>();
    private final List<String> releases = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> blocked = new ConcurrentHashMap<>();

    HoldEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.createContext("/hold", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes());
            holds.add(body);
            try {
                CountDownLatch gate = blocked.entrySet().stream().filter(e -> body.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(new CountDownLatch(0));
                gate.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/release", exchange -> {
            releases.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    Hooks hooks() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new Hooks(base + "/hold", base + "/release");
    }

    /** Holds for this restore answer only after {@link #letHold}. */
    void blockHolds(String restoreId) {
        blocked.put(restoreId, new CountDownLatch(1));
    }

    void letHold(String restoreId) {
        blocked.getOrDefault(restoreId, new CountDownLatch(0)).countDown();
    }

    /** The bodies of the hold calls naming this restore. */
    List<String> holds(String restoreId) {
        return holds.stream().filter(b -> b.contains(restoreId)).toList();
    }

    List<String> releases(String restoreId) {
        return releases.stream().filter(b -> b.contains(restoreId)).toList();
    }

    @Override
    public void close() {
        blocked.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
