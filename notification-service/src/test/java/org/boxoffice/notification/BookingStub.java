package org.boxoffice.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * booking-service's invoice endpoint as this service calls it ({@code GET /internal/v1/invoices/{id}/pdf}, header
 * {@code Invoice-Token}): the PDFs a test registers, each opened by its own token only (a 404 problem otherwise, as
 * booking answers), and a number of next answers a test can make fail with a status of its choice.
 */
public final class BookingStub {

    private static final Pattern PATH = Pattern.compile("/internal/v1/invoices/([0-9a-f-]{36})/pdf");

    private record Invoice(String token, byte[] pdf) {
    }

    private final HttpServer server;
    private final Map<UUID, Invoice> invoices = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    BookingStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/invoices/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Matcher matcher = PATH.matcher(path);
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            problem(exchange, failureStatus.get(), "unavailable");
            return;
        }
        Invoice invoice = matcher.matches() ? invoices.get(UUID.fromString(matcher.group(1))) : null;
        if (invoice == null || !invoice.token().equals(exchange.getRequestHeaders().getFirst("Invoice-Token"))) {
            problem(exchange, 404, "invoice-not-found");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/pdf");
        exchange.sendResponseHeaders(200, invoice.pdf().length);
        exchange.getResponseBody().write(invoice.pdf());
        exchange.close();
    }

    private static void problem(HttpExchange exchange, int status, String type) throws IOException {
        byte[] body = ("{\"type\":\"https://boxoffice.dev/problems/" + type + "\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Booking issued invoice {@code id} with {@code token}; its PDF is {@code pdf}. */
    public void invoice(UUID id, String token, byte[] pdf) {
        invoices.put(id, new Invoice(token, pdf));
    }

    /** The next {@code count} requests are answered {@code status}, whatever they ask. */
    public void failNext(int count, int status) {
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    /** The paths asked for, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    void reset() {
        invoices.clear();
        failuresLeft.set(0);
        requests.clear();
    }
}
