package io.lifeboat.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Clients that write through the app as fast as it answers, and record errors and latencies. */
final class WorkloadDriver implements AutoCloseable {

    /** One request: when it started and how long it took, in milliseconds since the driver started. */
    record Sample(long startMillis, long latencyMillis) {
    }

    private final ExecutorService clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final List<Sample> samples = new ArrayList<>();
    private final long origin = System.nanoTime();

    WorkloadDriver(String appUrl, int clientCount) {
        clients = Executors.newFixedThreadPool(clientCount);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < clientCount; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/write"))
                                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long end = System.nanoTime();
                    requests.incrementAndGet();
                    synchronized (samples) {
                        samples.add(new Sample((start - origin) / 1_000_000, (end - start) / 1_000_000));
                    }
                }
            });
        }
    }

    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    long nowMillis() {
        return (System.nanoTime() - origin) / 1_000_000;
    }

    /** The worst latency of requests that started between two instants (milliseconds since the start). */
    long worstLatencyBetween(long fromMillis, long toMillis) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.startMillis() >= fromMillis && s.startMillis() <= toMillis)
                    .mapToLong(Sample::latencyMillis).max().orElse(0);
        }
    }

    long worstLatencyOutside(long fromMillis, long toMillis) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.startMillis() + s.latencyMillis() < fromMillis
                    || s.startMillis() > toMillis).mapToLong(Sample::latencyMillis).max().orElse(0);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
    }
}
