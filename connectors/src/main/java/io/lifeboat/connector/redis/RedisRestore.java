package io.lifeboat.connector.redis;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.connector.StagedRestore;
import io.lifeboat.storage.repo.SnapshotReader;
import io.lifeboat.storage.repo.TreeEntry;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Restores an RDB exactly, by the server's own loading code: Lifeboat answers as a master, the target becomes
 * its replica for the transfer, loads the RDB (replacing its whole dataset only once the transfer is
 * complete), and is promoted back to a master. Staging checks the stored RDB; the switch-over transfers it.
 */
final class RedisRestore implements StagedRestore {

    private static final Logger log = LoggerFactory.getLogger(RedisRestore.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    private final RedisConnector.Target target;
    private final SnapshotReader stored;
    private final TreeEntry rdb;

    private RedisRestore(RedisConnector.Target target, SnapshotReader stored, TreeEntry rdb) {
        this.target = target;
        this.stored = stored;
        this.rdb = rdb;
    }

    static RedisRestore stage(RedisConnector.Target target, SnapshotReader stored) {
        TreeEntry rdb;
        try (Stream<TreeEntry> entries = stored.entries()) {
            rdb = entries.filter(e -> e.path().equals("dump.rdb")).findFirst().orElseThrow(() ->
                    new ConnectorException(target.name() + ": the backup holds no dump.rdb", true));
        }
        try (InputStream in = stored.open(rdb)) {
            String magic = new String(in.readNBytes(5), StandardCharsets.US_ASCII);
            if (!magic.equals("REDIS")) {
                throw new ConnectorException(target.name() + ": the stored dump.rdb is not an RDB file", true);
            }
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": reading the stored RDB failed: " + e.getMessage(), false, e);
        }
        try (Resp admin = target.connect()) {
            admin.call("PING");
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": the target does not answer: " + e.getMessage(), false, e);
        }
        return new RedisRestore(target, stored, rdb);
    }

    @Override
    public long bytes() {
        return rdb.size();
    }

    @Override
    public void switchOver() {
        try (Resp admin = target.connect(); ServerSocket master = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String host = target.part().spec().settings().getOrDefault("advertise_host",
                    admin.socket().getLocalAddress().getHostAddress());
            CompletableFuture<Socket> transfer = CompletableFuture.supplyAsync(() -> serve(master));
            admin.call("REPLICAOF", host, Integer.toString(master.getLocalPort()));
            try {
                awaitLoaded(admin, transfer);
            } finally {
                admin.call("REPLICAOF", "NO", "ONE");
                transfer.thenAccept(RedisRestore::closeQuietly);
            }
            transfer.join();
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": loading the RDB into the target failed: " + e.getMessage(),
                    false, e);
        }
    }

    /** Plays the master's part of a full resynchronisation, sending the stored RDB; returns the open link. */
    private Socket serve(ServerSocket master) {
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
                    out.write(("+FULLRESYNC " + HexFormat.of().formatHex(id) + " 0\r\n$" + rdb.size() + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    try (InputStream in = stored.open(rdb)) {
                        in.transferTo(out);
                    }
                    out.flush();
                    return socket;
                }
                out.write((name.equals("PING") ? "+PONG\r\n" : "+OK\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            throw new ConnectorException(target.name() + ": sending the RDB failed: " + e.getMessage(), false, e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the replica was promoted already
        }
    }

    private void awaitLoaded(Resp admin, CompletableFuture<Socket> transfer) throws IOException {
        Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (transfer.isCompletedExceptionally()) {
                transfer.join();
            }
            if ("up".equals(RedisSnapshot.info(admin, "replication", "master_link_status"))
                    && "0".equals(RedisSnapshot.info(admin, "persistence", "loading"))) {
                log.info("{}: RDB of {} bytes loaded", target.name(), rdb.size());
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

    @Override
    public void close() {
        // nothing was staged outside Lifeboat
    }
}
