package org.boxoffice.gateway.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 resource reaches the service that owns it, each service's API document is reachable through the
 * gateway, and a service that is down gives a fast 503 problem naming it. Downstream services are stand-ins that
 * answer with their own name; analytics-service points at a port where nothing listens.
 */
@IntegrationTest
class GatewayRoutingIT {

    private static final Map<String, HttpServer> STAND_INS = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) throws IOException {
        for (String service : new String[] { "user", "booking", "payment", "notification" }) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    pause(Duration.ofMillis(500));
                }
                byte[] body = (service + "-service " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            STAND_INS.put(service, server);
            registry.add("BOXOFFICE_" + service.toUpperCase() + "_URL",
                    () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
        registry.add("BOXOFFICE_ANALYTICS_URL", () -> "http://127.0.0.1:" + unusedPort());
    }

    @AfterAll
    static void stopStandIns() {
        STAND_INS.values().forEach(server -> server.stop(0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/auth/login, user-service",
            "/api/v1/users/me, user-service",
            "/api/v1/admin/organizations/42, user-service",
            "/.well-known/jwks.json, user-service",
            "/api/v1/events, booking-service",
            "/api/v1/events/7/availability, booking-service",
            "/api/v1/holds/abc, booking-service",
            "/api/v1/orders/abc, booking-service",
            "/api/v1/tickets/abc, booking-service",
            "/api/v1/admin/venues, booking-service",
            "/api/v1/admin/events/7/orders, booking-service",
            "/api/v1/payments/abc, payment-service",
            "/api/v1/webhooks/payments/sandbox, payment-service",
            "/api/v1/notifications/preferences, notification-service",
    })
    void routesEachResourceToTheServiceThatOwnsIt(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service + " " + path);
    }

    /**
     * An on-sale surge: many buyers waiting on the same service at once. Spring Cloud's Resilience4j integration would
     * put each route behind a 25-call bulkhead that refuses without waiting and counts the refusal as a failure,
     * opening the breaker: past 25 requests in flight the sale turned into 503s. Concurrency is bounded by the
     * services themselves, so every request here must reach booking-service.
     */
    @Test
    void letsASurgeOfConcurrentRequestsThroughToAHealthyService() throws Exception {
        List<java.util.concurrent.Future<HttpResponse<String>>> responses = new java.util.ArrayList<>();
        try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                responses.add(callers.submit(() -> get("/api/v1/events/slow")));
            }
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var response : responses) {
            statuses.add(response.get().statusCode());
        }

        assertThat(statuses).as("60 concurrent requests, each held 500 ms by booking-service").containsOnly(200);
    }

    @Test
    void servesEachServicesApiDocumentUnderItsName() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs/payment-service");

        assertThat(response.body()).isEqualTo("payment-service /v3/api-docs");
    }

    @Test
    void answersAServiceThatIsDownWithA503ProblemNamingIt() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/v1/admin/analytics/events/7");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://boxoffice.dev/problems/service-unavailable\"")
                .contains("analytics-service is unavailable");
        assertThat(elapsedMillis).as("a refused connection fails fast, not after the response timeout").isLessThan(5_000);
    }

    @Test
    void answersAPathNoServiceOwnsWithA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/nobody-serves-this");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"https://boxoffice.dev/problems/not-found\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TestTokens.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int unusedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
