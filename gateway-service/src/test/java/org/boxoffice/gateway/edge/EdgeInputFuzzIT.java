package org.boxoffice.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.assertj.core.api.SoftAssertions;
import org.boxoffice.platform.testing.InputFuzz;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.MalformedTrafficOnPurpose;
import org.boxoffice.platform.testing.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20 at the edge of the proxied routes: the gateway's own filters (firewall, request size, JWT, roles, rate
 * limits, waiting room pass, edge cache) run before a request is proxied, so malformed, oversized and boundary input
 * meets them first. Every answer is below 500, every 4xx a problem, and no request is left unanswered on a kept-alive
 * connection. The downstream is a stand-in that answers whatever reaches it as a service answers an id it does not
 * know (a 404 problem): what is under test is what the edge answers and that it answers at all.
 */
@IntegrationTest(properties = {
        // The fuzz sends a few hundred requests per caller: stay under the budget so the filters behind it are reached.
        "boxoffice.gateway.edge.rate-limit.authenticated-per-window=100000",
        "boxoffice.gateway.edge.rate-limit.anonymous-per-window=100000" })
class EdgeInputFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger REACHED = new AtomicInteger();
    private static @Nullable HttpServer service;

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            REACHED.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"type\":\"https://boxoffice.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                    + "\"detail\":\"No such resource.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        service = server;
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("BOXOFFICE_BOOKING_URL", () -> url);
        registry.add("BOXOFFICE_USER_URL", () -> url);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop(0);
        }
    }

    /**
     * Reactor Netty 1.3.7 stopped reading a kept-alive connection when a request that had waited for the previous
     * one's end was answered at once (a firewall refusal, a bad path variable, a missing token): the next request on
     * that connection was never read (reactor/reactor-netty#4361, fixed in 1.3.8). HTTP/1.1 clients that reuse
     * connections meet it without pipelining, whenever a request arrives before the previous exchange has
     * finished on the server; pipelining the two makes it certain.
     */
    @Test
    void keepsReadingAConnectionAfterAnAnswerGivenAtOnceToARequestThatWaited() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(("GET /api/v1/events/proxied HTTP/1.1\r\nHost: gateway\r\n\r\n"
                    + "GET /api/v1/events/%00 HTTP/1.1\r\nHost: gateway\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(status(in)).as("proxied").isEqualTo(404);
            assertThat(status(in)).as("refused by the firewall").isEqualTo(400);

            socket.getOutputStream().write("GET /api/v1/events/next HTTP/1.1\r\nHost: gateway\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            int next;
            try {
                next = status(in);
            } catch (SocketTimeoutException hang) {
                next = -1;
            }
            assertThat(next).as("the next request on the connection is answered").isEqualTo(404);
        }
    }

    /**
     * The booking and user-service operations the edge routes most (events, holds, the caller's account), each fed
     * every input of {@link InputFuzz} through the gateway as a buyer, an organizer and an admin, with a client that
     * gives up after 10 s: a request without an answer by then is a failure, as is a 5xx or a 4xx that is not a
     * problem.
     */
    @Test
    @MalformedTrafficOnPurpose
    void answersEveryMalformedInputOnTheProxiedRoutesWithoutA5xxOrAHang() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<InputFuzz.Caller> callers = List.of(new InputFuzz.Caller("buyer", TestTokens.buyer()),
                new InputFuzz.Caller("organizer", TestTokens.organizer(UUID.randomUUID())),
                new InputFuzz.Caller("admin", TestTokens.admin()));
        URI gateway = URI.create("http://127.0.0.1:" + port);
        int requests = 0;

        for (InputFuzz fuzz : List.of(
                fuzz("booking-service", Set.of("/api/v1/events", "/api/v1/events/{eventId}", "/api/v1/holds",
                        "/api/v1/holds/{holdId}", "/api/v1/admin/events/{eventId}"), gateway, callers),
                fuzz("user-service", Set.of("/api/v1/users/me"), gateway, callers))) {
            requests += fuzz.run(softly);
        }
        requests += edgeHeaders(gateway, softly);

        softly.assertThat(requests).as("requests sent").isGreaterThan(500);
        softly.assertThat(REACHED.get()).as("requests that passed the edge reached the service").isPositive();
        softly.assertAll();
    }

    /** The committed API document of {@code service}, cut down to {@code paths}. */
    private static InputFuzz fuzz(String service, Set<String> paths, URI gateway, List<InputFuzz.Caller> callers)
            throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("..", "docs", "openapi", service + ".json")));
        ObjectNode kept = JSON.createObjectNode();
        document.path("paths").properties().forEach(path -> {
            if (paths.contains(path.getKey())) {
                kept.set(path.getKey(), path.getValue());
            }
        });
        assertThat(kept.propertyNames()).as(service + " paths").hasSameSizeAs(paths);
        document.set("paths", kept);
        return new InputFuzz(document, gateway, callers, 256 * 1024, null).timeout(Duration.ofSeconds(10));
    }

    /**
     * Headers the edge itself reads, malformed and oversized, on a proxied GET and a proxied hold: the client address
     * ({@code X-Forwarded-For}), the request id, trace context, the waiting room pass, cache directives and
     * validators, and headers over the edge's 8 KB limit.
     */
    private static int edgeHeaders(URI gateway, SoftAssertions softly) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = TestTokens.buyer();
        List<String[]> headers = new ArrayList<>();
        for (String value : List.of("", " ", "not an address", "999.999.999.999", "::::", "1.2.3.4, garbage, ,",
                "a".repeat(4000), "\u00e9")) {
            headers.add(new String[] { "X-Forwarded-For", value });
            headers.add(new String[] { "X-Request-Id", value });
            headers.add(new String[] { "traceparent", value });
            headers.add(new String[] { "X-Waiting-Room-Pass", value });
            headers.add(new String[] { "If-None-Match", value });
            headers.add(new String[] { "Cache-Control", value });
        }
        headers.add(new String[] { "traceparent", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01" });
        headers.add(new String[] { "X-Big", "a".repeat(9 * 1024) });
        // Over the edge's 8 KB, under what Netty reads (64 KB): the gateway's own 431 problem.
        headers.add(new String[] { "Authorization", "Bearer " + "a".repeat(60 * 1024) });
        int sent = 0;
        for (String[] header : headers) {
            for (String target : List.of("GET /api/v1/events/" + UUID.randomUUID(), "POST /api/v1/holds")) {
                String[] methodAndPath = target.split(" ");
                HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(methodAndPath[1]))
                        .timeout(Duration.ofSeconds(10))
                        .method(methodAndPath[0], methodAndPath[0].equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{\"eventId\":\"" + UUID.randomUUID()
                                        + "\",\"quantity\":1}"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString());
                String what = target + " with " + header[0] + ": " + abbreviate(header[1]);
                try {
                    if (!header[0].equalsIgnoreCase("Authorization")) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    request.header(header[0], header[1]);
                } catch (IllegalArgumentException unsendable) {
                    continue;
                }
                sent++;
                HttpResponse<String> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    softly.fail(what + ": no response (" + e + ")");
                    continue;
                }
                softly.assertThat(response.statusCode()).as("%s answered %d: %s", what, response.statusCode(),
                        abbreviate(response.body())).isLessThan(500);
                if (response.statusCode() >= 400) {
                    softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                            .as("%s answered %d: %s", what, response.statusCode(), abbreviate(response.body()))
                            .startsWith("application/problem+json");
                }
            }
        }
        return sent;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked) from {@code in}; returns its status. */
    private static int status(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf('\r', length + 1);
            in.readNBytes(Integer.parseInt(lower.substring(length + 16, end).trim()));
        } else if (lower.contains("\ntransfer-encoding: chunked")) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                in.readNBytes(size + 2);
            }
            in.readNBytes(2);
        }
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in a chunk");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return Integer.parseInt(line.toString().split(";")[0].trim(), 16);
    }
}
