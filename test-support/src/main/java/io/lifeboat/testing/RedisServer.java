package io.lifeboat.testing;

import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real {@code redis-server} of its own on a free port, so that a test can replace a whole keyspace (which a
 * Redis restore does) without touching the shared server. Stopped, and its directory deleted, on close.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private final Path dir;

    private RedisServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("redis-");
        Process process = ChildProcesses.start(new ProcessBuilder(List.of("redis-server", "--port",
                Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()));
        RedisServer server = new RedisServer(process, port, dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Jedis jedis = server.client()) {
                jedis.ping();
                return server;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    server.close();
                    throw new IOException("redis-server did not start on port " + port, e);
                }
                Thread.onSpinWait();
            }
        }
    }

    public int port() {
        return port;
    }

    public Jedis client() {
        return new Jedis("127.0.0.1", port);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
        TempTrees.delete(dir);
    }
}
