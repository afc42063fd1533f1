package io.lifeboat.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lifeboat.testing.MariaDbFixtures;
import io.lifeboat.testing.PgFixtures;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test fixtures' app: each {@code POST /write} writes row n to PostgreSQL, row n to MariaDB, key n to
 * Redis and file n to a mount. It declares Lifeboat's hold and release hooks, as a platform router would:
 * while held, new requests wait (they are not failed) and running ones finish; a hold ends by itself at its
 * deadline.
 */
final class WorkloadApp implements AutoCloseable {

    private final HttpServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong next = new AtomicLong();
    private final String pgDatabase;
    private final String mariaDatabase;
    private final int redisPort;
    private final Path mount;
    private final ThreadLocal<Writers> writers = new ThreadLocal<>();
    private boolean held;
    private int running;
    private long holds;

    private record Writers(Connection pg, Connection maria, Jedis redis) {
    }

    WorkloadApp(String pgDatabase, String mariaDatabase, int redisPort, Path mount) throws IOException {
        this.pgDatabase = pgDatabase;
        this.mariaDatabase = mariaDatabase;
        this.redisPort = redisPort;
        this.mount = Files.createDirectories(mount.resolve("w"));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/write", this::write);
        server.createContext("/_lifeboat/hold", this::hold);
        server.createContext("/_lifeboat/release", this::release);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized long holds() {
        return holds;
    }

    private void write(HttpExchange exchange) throws IOException {
        try {
            enter();
            long n;
            try {
                n = next.incrementAndGet();
                Writers w = writers();
                try (PreparedStatement s = w.pg().prepareStatement("INSERT INTO workload (n) VALUES (?)")) {
                    s.setLong(1, n);
                    s.execute();
                }
                try (PreparedStatement s = w.maria().prepareStatement("INSERT INTO workload (n) VALUES (?)")) {
                    s.setLong(1, n);
                    s.execute();
                }
                w.redis().set("n:" + n, "1");
                Files.writeString(mount.resolve("n-" + n), Long.toString(n));
            } finally {
                exit();
            }
            answer(exchange, 200, Long.toString(n));
        } catch (SQLException | RuntimeException | InterruptedException e) {
            answer(exchange, 500, e.toString());
        }
    }

    private void hold(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long timeout = Long.parseLong(body.replaceAll(".*\"timeout_ms\":(\\d+).*", "$1"));
        try {
            synchronized (this) {
                held = true;
                holds++;
                long generation = holds;
                timer.schedule(() -> releaseIf(generation), Math.max(timeout, 1), TimeUnit.MILLISECONDS);
                while (running > 0) {
                    wait();
                }
            }
            answer(exchange, 200, "{\"held\":true}");
        } catch (InterruptedException e) {
            answer(exchange, 500, e.toString());
        }
    }

    private void release(HttpExchange exchange) throws IOException {
        synchronized (this) {
            held = false;
            notifyAll();
        }
        answer(exchange, 200, "{\"held\":false}");
    }

    private synchronized void releaseIf(long generation) {
        if (holds == generation) {
            held = false;
            notifyAll();
        }
    }

    private synchronized void enter() throws InterruptedException {
        while (held) {
            wait();
        }
        running++;
    }

    private synchronized void exit() {
        running--;
        notifyAll();
    }

    private Writers writers() throws SQLException {
        Writers w = writers.get();
        if (w == null) {
            w = new Writers(PgFixtures.connect(pgDatabase), MariaDbFixtures.connect(mariaDatabase),
                    new Jedis("127.0.0.1", redisPort));
            writers.set(w);
        }
        return w;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
    }
}
