package io.lifeboat.connector.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes a server load an RDB by its own loading code: Lifeboat answers as a master, the target becomes its replica
 * for the transfer, loads the RDB (replacing its whole dataset only once the transfer is complete), and is promoted
 * back to a master.
 */
final class RdbLoader {

    private static final Logger log = LoggerFactory.getLogger(RdbLoader.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    /** Where the RDB is read from, once per transfer. */
    interface Source {
        InputStream open() throws IOException;
    }

    private RdbLoader() {
    }

    /** Replaces the target's dataset with {@code size} bytes of RDB from {@code source}. */
    static void load(RedisConnector.Target target, Source source, long size) throws IOException {
        try (Resp admin = target.connect();
             ServerSocket master = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String host = target.part().spec().settings().getOrDefault("advertise_host",
                    admin.socket().getLocalAddress().getHostAddress());
            CompletableFuture<Socket> transfer = CompletableFuture.supplyAsync(() -> serve(master, source, size));
            admin.call("REPLICAOF", host, Integer.toString(master.getLocalPort()));
            try {
                awaitLoaded(admin, transfer);
            } finally {
                admin.call("REPLICAOF", "NO", "ONE");
                transfer.thenAccept(RdbLoader::closeQuietly);
            }
            log.info("{}: RDB of {} bytes loaded", target.name(), size);
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Plays the master's part of a full resynchronisation, sending the RDB; returns the open link. */
    private static Socket serve(ServerSocket master, Source source, long size) {
        try {
            master.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            Socket socket = master.accept();
            Resp replica = Resp.accept(socket);
            while (true) {
                List<?> command = (List<?>) replica.reply();
                String name = new String((byte[]) command.getFirst(), StandardCharsets.US_ASCII).toUpperCase();
                OutputStream out = replica.out();
                if (name.equals("PSYNC") || name.equals("SYNC")) {
                    byte[] id = new byte[20];
                    ThreadLocalRandom.current().nextBytes(id);
                    out.write(("+FULLRESYNC " + HexFormat.of().formatHex(id) + " 0\r\n$" + size + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    try (InputStream in = source.open()) {
                        in.transferTo(out);
                    }
                    out.flush();
                    return socket;
                }
                out.write((name.equals("PING") ? "+PONG\r\n" : "+OK\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            throw new CompletionException(new IOException("sending the RDB failed: " + e.getMessage(), e));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the replica was promoted already
        }
    }

    private static void awaitLoaded(Resp admin, CompletableFuture<Socket> transfer) throws IOException {
        Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (transfer.isCompletedExceptionally()) {
                transfer.join();
            }
            if ("up".equals(RedisSnapshot.info(admin, "replication", "master_link_status"))
                    && "0".equals(RedisSnapshot.info(admin, "persistence", "loading"))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the target loads the RDB", e);
            }
        }
        throw new IOException("the target did not finish loading the RDB within " + LOAD_TIMEOUT);
    }
}
