package org.boxoffice.gateway.edge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.testing.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the client is at the edge. The gateway trusts one proxy, 127.0.0.2 (standing in for an ingress controller); test
 * requests come either from 127.0.0.1 (a client talking to the gateway directly, whose X-Forwarded-For is its own
 * invention) or from 127.0.0.2 (the proxy, naming the client it received the request from). The platform is told it
 * runs on Kubernetes, where Spring Boot would by default let Netty believe any X-Forwarded-For. The stand-in
 * services record the X-Forwarded-For they receive.
 */
@IntegrationTest(properties = {
        "spring.main.cloud-platform=kubernetes",
        "boxoffice.gateway.edge.trusted-proxies=127.0.0.2/32",
        "boxoffice.gateway.edge.rate-limit.window=60s",
        "boxoffice.gateway.edge.rate-limit.anonymous-per-window=3",
        "boxoffice.gateway.edge.rate-limit.credentials-per-window=2" })
class ClientIdentityIT {

    private static final InetAddress PROXY = InetAddress.ofLiteral("127.0.0.2");
    private static final HttpClient DIRECT = HttpClient.newHttpClient();
    private static final HttpClient VIA_PROXY = HttpClient.newBuilder().localAddress(PROXY).build();
    /** The X-Forwarded-For each stand-in request arrived with, by the request's path. */
    private static final Map<String, String> FORWARDED_FOR = new ConcurrentHashMap<>();
    private static @Nullable HttpServer services;

    @Value("${local.server.port}")
    private int port;

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            FORWARDED_FOR.put(exchange.getRequestURI().getPath(), forwardedFor == null ? "(none)" : forwardedFor);
            exchange.getRequestBody().readAllBytes();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        services = server;
        registry.add("BOXOFFICE_BOOKING_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
        registry.add("BOXOFFICE_USER_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop(0);
        }
    }

    @Test
    void aClientTalkingToTheGatewayDirectlyCannotNameItsOwnAddress() throws Exception {
        int status = 0;
        for (int i = 1; i <= 4; i++) {
            status = send(DIRECT, "GET", "/api/v1/events/spoof-" + i, "203.0.113." + i).statusCode();
        }

        assertThat(status).as("a new invented address per request buys no new budget").isEqualTo(429);
        assertThat(FORWARDED_FOR.get("/api/v1/events/spoof-1")).as("the service is told the real peer")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theTrustedProxyNamesTheClientAndTheServiceIsToldExactlyThatAddress() throws Exception {
        HttpResponse<String> response = send(VIA_PROXY, "GET", "/api/v1/events/named",
                "192.0.2.66, 198.51.100.10");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FORWARDED_FOR.get("/api/v1/events/named"))
                .as("the rightmost untrusted hop, without the entry the client prepended").isEqualTo("198.51.100.10");
    }

    @Test
    void everyClientBehindTheProxyHasItsOwnBrowsingBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "198.51.100.21").statusCode()).isEqualTo(200);
        }

        assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "198.51.100.21").statusCode()).isEqualTo(429);
        assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "198.51.100.22").statusCode())
                .as("the next client behind the same ingress is not throttled with the first").isEqualTo(200);
    }

    @Test
    void everyClientBehindTheProxyHasItsOwnLoginBudget() throws Exception {
        for (int i = 0; i < 2; i++) {
            send(VIA_PROXY, "POST", "/api/v1/auth/login", "198.51.100.31");
        }

        assertThat(send(VIA_PROXY, "POST", "/api/v1/auth/login", "198.51.100.31").statusCode()).isEqualTo(429);
        assertThat(send(VIA_PROXY, "POST", "/api/v1/auth/login", "198.51.100.32").statusCode()).isEqualTo(200);
        assertThat(FORWARDED_FOR.get("/api/v1/auth/login")).isEqualTo("198.51.100.32");
    }

    @Test
    void ipv6ClientsCountByTheirNetworkNotByEachAddress() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "2001:db8:7:7::" + i).statusCode()).isEqualTo(200);
        }

        assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "2001:db8:7:7::99").statusCode()).isEqualTo(429);
        assertThat(send(VIA_PROXY, "GET", "/api/v1/events", "2001:db8:7:8::1").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String forwardedFor)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
