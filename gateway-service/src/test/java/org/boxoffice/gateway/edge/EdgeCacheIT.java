package org.boxoffice.gateway.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * The edge cache in front of a stand-in booking-service that marks some answers {@code public}: those are answered
 * from memory to every client for their max-age (304 for a matching {@code If-None-Match}), everything a shared cache
 * must not keep still reaches the service on every request, and the edge's checks run before the cache.
 */
@IntegrationTest(properties = "boxoffice.gateway.edge.rate-limit.enabled=false")
class EdgeCacheIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static @Nullable HttpServer booking;

    @Value("${local.server.port}")
    private int port;

    /** Answers {@code <path> #<n>} (n = the n-th call for that path and query) with the headers its path asks for. */
    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String target = exchange.getRequestURI().toString();
            int call = CALLS.computeIfAbsent(target, key -> new AtomicInteger()).incrementAndGet();
            var headers = exchange.getResponseHeaders();
            int status = 200;
            if (path.endsWith("/private")) {
                headers.set("Cache-Control", "private, max-age=60");
            } else if (path.endsWith("/cookie")) {
                headers.set("Cache-Control", "public, max-age=60");
                headers.set("Set-Cookie", "session=" + call);
            } else if (path.endsWith("/missing")) {
                headers.set("Cache-Control", "public, max-age=60");
                status = 404;
            } else if (path.endsWith("/per-user")) {
                headers.set("Cache-Control", "public, max-age=60");
                headers.set("Vary", "Authorization");
            } else if (path.endsWith("/plain")) {
                headers.set("Cache-Control", "no-cache");
            } else {
                headers.set("Cache-Control", path.endsWith("/availability") ? "public, max-age=1" : "max-age=60, public");
                headers.set("ETag", "\"v" + call + "\"");
            }
            headers.set("Content-Type", "application/json");
            byte[] body = ("\"" + target + " #" + call + "\"").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        booking = server;
        registry.add("BOXOFFICE_BOOKING_URL", () -> "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (booking != null) {
            booking.stop(0);
        }
    }

    @Test
    void answersEveryClientFromMemoryWhileAPublicAnswerIsFresh() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID();

        HttpResponse<String> first = get(path, TestTokens.buyer(), Map.of());
        HttpResponse<String> second = get(path, TestTokens.buyer(), Map.of());
        HttpResponse<String> anonymous = get(path, null, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).isEqualTo("\"" + path + " #1\"");
        assertThat(anonymous.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(second.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(CALLS.get(path).get()).as("one request reached booking-service").isEqualTo(1);
    }

    @Test
    void asksTheServiceAgainOnceTheMaxAgeHasPassed() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID() + "/availability";

        assertThat(get(path, null, Map.of()).body()).endsWith("#1\"");
        assertThat(get(path, null, Map.of()).body()).endsWith("#1\"");
        Thread.sleep(1_100);

        assertThat(get(path, null, Map.of()).body()).as("max-age=1 has passed").endsWith("#2\"");
        assertThat(CALLS.get(path).get()).isEqualTo(2);
    }

    @Test
    void answersAMatchingIfNoneMatchWith304WithoutAskingTheService() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID();
        String etag = get(path, null, Map.of()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = get(path, TestTokens.buyer(), Map.of("If-None-Match", "\"other\", W/" + etag));
        HttpResponse<String> stale = get(path, null, Map.of("If-None-Match", "\"other\""));
        HttpResponse<String> malformed = get(path, null, Map.of("If-None-Match", "not an etag,,"));

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(CALLS.get(path).get()).isEqualTo(1);
    }

    @Test
    void keepsOneEntryPerQueryAndRepresentation() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID();

        get(path + "?page=1", null, Map.of());
        get(path + "?page=2", null, Map.of());
        get(path + "?page=1", null, Map.of("Accept", "text/plain"));
        get(path + "?page=1", null, Map.of());

        assertThat(CALLS.get(path + "?page=1").get()).as("one per Accept").isEqualTo(2);
        assertThat(CALLS.get(path + "?page=2").get()).isEqualTo(1);
    }

    @Test
    void neverKeepsWhatASharedCacheMustNot() throws Exception {
        String id = UUID.randomUUID().toString();
        for (String kind : new String[] { "private", "cookie", "missing", "per-user", "plain" }) {
            String path = "/api/v1/events/" + id + "/" + kind;

            get(path, TestTokens.buyer(), Map.of());
            HttpResponse<String> again = get(path, TestTokens.buyer(), Map.of());

            assertThat(again.body()).as(kind).endsWith("#2\"");
        }
    }

    @Test
    void goesToTheServiceWhenTheClientAsksForAFreshAnswer() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID();
        get(path, null, Map.of());

        assertThat(get(path, null, Map.of("Cache-Control", "no-cache")).body()).endsWith("#2\"");
        assertThat(get(path, null, Map.of()).body()).as("the fresh answer replaced the kept one").endsWith("#2\"");
        assertThat(get(path, null, Map.of("Pragma", "no-cache")).body()).endsWith("#3\"");
    }

    @Test
    void checksTheTokenAndGivesEachRequestItsOwnIdBeforeAnsweringFromMemory() throws Exception {
        String path = "/api/v1/events/" + UUID.randomUUID();
        get(path, null, Map.of("X-Request-Id", "first-request"));

        HttpResponse<String> forged = get(path, TestTokens.token().tampered().sign(), Map.of());
        HttpResponse<String> second = get(path, null, Map.of("X-Request-Id", "second-request"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().allValues("X-Request-Id")).containsExactly("second-request");
        assertThat(CALLS.get(path).get()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, @Nullable String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
