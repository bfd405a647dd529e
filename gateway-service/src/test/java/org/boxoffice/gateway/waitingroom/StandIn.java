package org.boxoffice.gateway.waitingroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.admission.AdmissionPass;

/** A downstream service that records what reached it and answers {@code status} (201 for holds). */
final class StandIn implements AutoCloseable {

    /** A request that reached the service: its path, body and pass header. */
    record Received(String method, String path, String body, String pass) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status;

    StandIn(int status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, body,
                    String.valueOf(exchange.getRequestHeaders().getFirst(AdmissionPass.HEADER))));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            int code = path.equals("/api/v1/holds") && status == 200 ? 201 : status;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(int status) {
        this.status = status;
    }

    /** Holds that reached the service for this event. */
    List<Received> holds(java.util.UUID eventId) {
        return received.stream().filter(r -> r.path().equals("/api/v1/holds") && r.body().contains(eventId.toString()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
