package org.boxoffice.booking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of Redis that a test can cut and restore, so the service loses Redis while the machine's
 * Redis keeps running. While cut, it accepts nothing and every open connection is closed.
 */
public final class RedisProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public RedisProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /**
     * The test Redis as Boot would describe it, reached through this proxy: a test's
     * {@code @Bean DataRedisConnectionDetails} puts the service's Redis client behind it.
     */
    public org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails connectionDetails() {
        org.boxoffice.platform.testing.TestInfrastructure infrastructure =
                org.boxoffice.platform.testing.TestInfrastructure.get();
        int port = port();
        return new org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails() {
            @Override
            public String getPassword() {
                return infrastructure.redis().password();
            }

            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", port, infrastructure.redisDatabase());
            }
        };
    }

    public int port() {
        return port;
    }

    /** Redis becomes unreachable: open connections drop, new ones are refused. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Redis is reachable again on the same port. */
    public synchronized void restore() throws IOException {
        server = bind(port);
        accept(server);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual().name("redis-proxy-accept").start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().name("redis-proxy-pipe").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // connection cut by the test or closed by a peer
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }
}
