package org.boxoffice.gateway.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge in front of a stand-in booking-service: forged tokens stopped before routing, roles checked, rate limits
 * answered with 429 and Retry-After then lifted, retries for GETs only, request ids passed downstream.
 */
@IntegrationTest(properties = {
        "boxoffice.gateway.edge.rate-limit.window=2s",
        "boxoffice.gateway.edge.rate-limit.anonymous-per-window=5",
        "boxoffice.gateway.edge.rate-limit.credentials-per-window=3",
        "boxoffice.gateway.edge.rate-limit.authenticated-per-window=1000",
        "boxoffice.http.max-request-body=1KB" })
class EdgeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, String> TRACEPARENTS = new ConcurrentHashMap<>();
    private static @Nullable HttpServer booking;

    @Value("${local.server.port}")
    private int port;
    @Value("${local.management.port}")
    private int managementPort;

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("X-Request-Id"));
            CALLS.computeIfAbsent(exchange.getRequestMethod() + " " + path, key -> new AtomicInteger()).incrementAndGet();
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
                TRACEPARENTS.put(path, traceparent);
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.endsWith("/flaky") ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        booking = server;
        registry.add("BOXOFFICE_BOOKING_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
        registry.add("BOXOFFICE_USER_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (booking != null) {
            booking.stop(0);
        }
    }

    @Test
    void stopsForgedExpiredAndForeignTokensBeforeTheyReachAService() throws Exception {
        for (String forged : List.of(TestTokens.token().tampered().sign(), TestTokens.token().expired().sign(),
                TestTokens.token().wrongIssuer().sign(), TestTokens.token().algNone().sign(),
                TestTokens.token().hs256().sign(), TestTokens.token().wrongKey().sign(), "garbage")) {
            HttpResponse<String> response = send("GET", "/api/v1/orders/forged", forged, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("https://boxoffice.dev/problems/unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        assertThat(send("GET", "/api/v1/orders/forged", null, null).statusCode()).isEqualTo(401);
        assertThat(RECEIVED).noneMatch(line -> line.contains("/api/v1/orders/forged"));
        assertThat(send("GET", "/api/v1/orders/mine", TestTokens.buyer(), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/orders/es", TestTokens.token().es256().sign(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void letsOnlyOrganizersAndAdminsOntoAdminPaths() throws Exception {
        HttpResponse<String> buyer = send("GET", "/api/v1/admin/events/1/orders", TestTokens.buyer(), null);

        assertThat(buyer.statusCode()).isEqualTo(403);
        assertThat(buyer.body()).contains("https://boxoffice.dev/problems/forbidden");
        assertThat(send("GET", "/api/v1/admin/events/1/orders", TestTokens.organizer(java.util.UUID.randomUUID()), null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void limitsAnonymousCallersThenLetsThemBackAfterTheWindow() throws Exception {
        Thread.sleep(2_100);
        int accepted = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            HttpResponse<String> response = send("GET", "/api/v1/events", null, null);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                accepted++;
            }
        }

        assertThat(accepted).isLessThanOrEqualTo(5);
        assertThat(refused).isNotNull();
        assertThat(refused.body()).contains("https://boxoffice.dev/problems/rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));
        Thread.sleep(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
        assertThat(send("GET", "/api/v1/events", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void givesLoginAStricterBudgetThanBrowsing() throws Exception {
        int status = 0;
        for (int i = 0; i < 4; i++) {
            status = send("POST", "/api/v1/auth/login", null, "{}").statusCode();
        }

        assertThat(status).isEqualTo(429);
    }

    @Test
    void retriesAFailingGetButNeverAPost() throws Exception {
        String token = TestTokens.buyer();

        assertThat(send("GET", "/api/v1/holds/flaky", token, null).statusCode()).isEqualTo(503);
        assertThat(send("POST", "/api/v1/orders/flaky", token, "{}").statusCode()).isEqualTo(503);

        assertThat(CALLS.get("GET /api/v1/holds/flaky").get()).isEqualTo(3);
        assertThat(CALLS.get("POST /api/v1/orders/flaky").get()).isEqualTo(1);
    }

    @Test
    void passesTheRequestIdDownstreamAndBack() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/tickets/traced"))
                .header("Authorization", "Bearer " + TestTokens.buyer()).header("X-Request-Id", "support-case-42")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Request-Id")).contains("support-case-42");
        assertThat(RECEIVED).contains("GET /api/v1/tickets/traced support-case-42");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void continuesTheCallersTraceToTheService() throws Exception {
        String traceId = "a3ce929d0e0e47364bf92f3577b34da6";
        String incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/tickets/in-a-trace"))
                .header("Authorization", "Bearer " + TestTokens.buyer()).header("traceparent", incoming)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TRACEPARENTS.get("/api/v1/tickets/in-a-trace"))
                .as("gateway → service: the caller's trace, from the gateway's own client span")
                .startsWith("00-" + traceId + "-").isNotEqualTo(incoming);
    }

    @Test
    void refusesAnOversizedBodyWithA413Problem() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/holds", TestTokens.buyer(), "x".repeat(2048));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("https://boxoffice.dev/problems/payload-too-large");
    }

    /** Issue #20: what the firewall, Netty's limits or a blank path variable refuse is a 4xx problem, never bare. */
    @Test
    void refusesMalformedPathsHeadersAndOversizedRequestsWithProblems() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/events/%00", "/api/v1/events/..%2F..%2Factuator", "/api/v1/%2e%2e/actuator",
                "/api/v1/events/%25", "/api/v1/events/%5C", "/api/v1/events/x;jsessionid=1")) {
            refused.put("GET " + path, problemType(send("GET", path, TestTokens.buyer(), null), 400));
        }
        refused.put("10 kB path", problemType(send("GET", "/api/v1/events/" + "a".repeat(10 * 1024), null, null), 414));
        HttpRequest.Builder header = HttpRequest.newBuilder(uri("/api/v1/events")).GET();
        refused.put("10 kB header", problemType(HTTP.send(header.header("X-Big", "a".repeat(10 * 1024)).build(),
                HttpResponse.BodyHandlers.ofString()), 431));
        for (String accept : List.of("garbage/;;;", "text/html;q=abc", "application/json;charset=bogus")) {
            refused.put("Accept " + accept, problemType(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/events"))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString()), 400));
        }
        refused.put("blank event id", problemType(send("PUT", "/api/v1/admin/waiting-room/events/%20/rate",
                TestTokens.admin(), "{\"ratePerMinute\": 10}"), 400));

        assertThat(refused).containsEntry("10 kB path", "http-414").containsEntry("10 kB header", "http-431")
                .containsEntry("blank event id", "invalid-parameter").containsEntry("Accept text/html;q=abc", "bad-request")
                .containsEntry("GET /api/v1/events/%00", "bad-request").containsEntry("GET /api/v1/events/%25", "bad-request");
        assertThat(refused.values()).as(refused.toString()).doesNotContain("");
    }

    /** The problem type's slug if the response has {@code status} and is a problem, else "". */
    private static String problemType(HttpResponse<String> response, int status) {
        boolean problem = response.statusCode() == status && response.headers().firstValue("Content-Type")
                .orElse("").startsWith("application/problem+json");
        Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"https://boxoffice.dev/problems/([a-z0-9-]+)\"")
                .matcher(response.body());
        return problem && type.find() ? type.group(1) : "";
    }

    @Test
    void servesProbesAndMetricsOnlyOnTheManagementPortNeverAtTheEdge() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/readyz", "/livez")) {
            assertThat(send("GET", path, null, null).statusCode()).as("public port: " + path).isEqualTo(404);
        }
        for (String path : List.of("/actuator/prometheus", "/readyz", "/livez")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("management port: " + path).isEqualTo(200);
        }
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
