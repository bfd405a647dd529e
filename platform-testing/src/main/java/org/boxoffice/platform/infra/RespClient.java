package org.boxoffice.platform.infra;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The few Redis commands the infrastructure itself needs (probe, claim a database for a test JVM, flush it),
 * spoken over a plain socket so that discovery works before, and without, any Redis client library.
 */
public final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RespClient connect(String host, int port, @Nullable String password) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setSoTimeout(5_000);
            RespClient client = new RespClient(socket);
            if (password != null && !password.isEmpty()) {
                client.command("AUTH", password);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + host + ":" + port + " is not reachable: " + e.getMessage(), e);
        }
    }

    /** Sends one command; returns a simple/bulk string reply, the text of an integer reply, or null for nil. */
    public @Nullable String command(String... args) {
        try {
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readReply();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis command " + args[0] + " failed: " + e.getMessage(), e);
        }
    }

    private @Nullable String readReply() throws IOException {
        int kind = in.read();
        String line = readLine();
        return switch (kind) {
            case '+', ':' -> line;
            case '-' -> throw new IOException("Redis replied " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            default -> throw new IOException("unexpected Redis reply type " + (char) kind);
        };
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        in.read();
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket we no longer need: nothing to recover
        }
    }
}
