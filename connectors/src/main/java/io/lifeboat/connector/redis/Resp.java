package io.lifeboat.connector.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol (RESP2) for Lifeboat: commands and replies, and the raw byte stream of a
 * replication transfer, which no client library exposes.
 */
final class Resp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Resp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
    }

    static Resp connect(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return new Resp(socket);
    }

    static Resp accept(Socket socket) throws IOException {
        return new Resp(socket);
    }

    Socket socket() {
        return socket;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** Sends a command and returns its reply: a String, Long, byte[], List, or null. Errors throw. */
    Object call(String... arguments) throws IOException {
        send(arguments);
        return reply();
    }

    void send(String... arguments) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        command.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            command.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            command.writeBytes(bytes);
            command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(command.toByteArray());
        out.flush();
    }

    Object reply() throws IOException {
        String line = line();
        if (line.isEmpty()) {
            throw new IOException("empty reply");
        }
        return switch (line.charAt(0)) {
            case '+' -> line.substring(1);
            case '-' -> throw new RedisError(line.substring(1));
            case ':' -> Long.parseLong(line.substring(1));
            case '$' -> bulk(Integer.parseInt(line.substring(1)));
            case '*' -> {
                int count = Integer.parseInt(line.substring(1));
                if (count < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(reply());
                }
                yield items;
            }
            default -> throw new IOException("unexpected reply: " + line);
        };
    }

    /** One line without its CRLF. */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        throw new IOException("connection closed");
    }

    private byte[] bulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] data = in.readNBytes(length);
        in.readNBytes(2);
        return data;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An error reply. */
    static final class RedisError extends IOException {
        RedisError(String message) {
            super(message);
        }
    }
}
