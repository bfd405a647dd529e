package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.boxoffice.platform.testing.TestEvents;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What analytics' integration tests do to the service: append producers' events to the real streams, signed as their
 * relays sign them, wait until the service's consumer group has handled them, and call its API.
 */
final class AnalyticsTestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> STREAMS = List.of("boxoffice.events.booking-service",
            "boxoffice.events.payment-service");
    private static final String GROUP = "analytics-service";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final StringRedisTemplate redis;

    AnalyticsTestClient(int port, StringRedisTemplate redis) {
        this.port = port;
        this.redis = redis;
    }

    /** Appends the event to its producer's stream, signed as that producer's relay signs it. */
    void append(ScriptedSale.Event event) {
        TestEvents.append(redis, event.producer(), TestEvents.signed(event.id(), event.producer(), event.type(), 1,
                event.key(), JSON.writeValueAsString(event.payload()), event.occurredAt()));
    }

    /** Until the service's consumer group has read and acknowledged everything on both streams. */
    void awaitDrained() {
        await(() -> STREAMS.stream().allMatch(stream -> {
            var last = redis.opsForStream().reverseRange(stream, org.springframework.data.domain.Range.unbounded(),
                    org.springframework.data.redis.connection.Limit.limit().count(1));
            String lastId = last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
            var groups = redis.opsForStream().groups(stream);
            return groups.stream().anyMatch(g -> g.groupName().equals(GROUP) && g.lastDeliveredId().equals(lastId)
                    && g.pendingCount() == 0);
        }));
    }

    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 30 s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
