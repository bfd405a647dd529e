package org.boxoffice.platform.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that learns a producer's keys from the producer's {@code /.well-known/event-keys} (as in Kubernetes):
 * while the keys cannot be fetched the producer's events wait unread; once fetched they verify; after the producer
 * rotates its key, an event under the new key makes the consumer fetch again and it verifies; a key that is still
 * unknown after a fresh fetch is a forgery and is dead-lettered; every fetch goes through the service's observed
 * client. A JDK HTTP server stands in for the producer's endpoint; the service's own endpoint is read too. The first test needs keys never fetched yet: it runs first.
 */
@IntegrationTest(properties = {
        "spring.application.name=events-it",
        "boxoffice.db.schema=events_keys_it",
        "boxoffice.events.auto-startup=false",
        "boxoffice.events.reclaim-after=300ms",
        "boxoffice.events.signing.key-refresh=200ms" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventKeyDiscoveryIT {

    private static final String STREAM = "boxoffice.events.events-it";
    private static final AtomicReference<String> served = new AtomicReference<>();
    private static final AtomicInteger fetches = new AtomicInteger();
    private static final List<String> traceparents = new CopyOnWriteArrayList<>();
    private static final HttpServer producer = start();

    @Autowired
    EventConsumers consumers;
    @Autowired
    EventSigner ownSigner;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void producerKeysByUrl(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.events.signing.trusted-keys",
                () -> "events-it=http://127.0.0.1:" + producer.getAddress().getPort() + "/.well-known/event-keys");
    }

    @AfterAll
    static void stop() {
        producer.stop(0);
    }

    @BeforeEach
    void cleanSlate() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS effect (event_id uuid NOT NULL, type text NOT NULL, detail text)");
        jdbc.execute("TRUNCATE effect, inbox_event");
        redis.delete(List.of(STREAM, EventsProperties.DEAD_LETTERS));
        consumers.ensureGroup(STREAM);
    }

    @Test
    @Order(1)
    void eventsWaitUntilTheProducersKeysCanBeFetchedThenVerifyAndSurviveARotation() {
        KeyPair first = EventKeys.generate();
        served.set(null);
        UUID early = append(first);

        assertThat(consumers.pollOnce(STREAM)).as("no keys yet: the stream is not read").isZero();
        assertThat(effects()).isZero();
        assertThat(redis.opsForStream().size(EventsProperties.DEAD_LETTERS)).isZero();

        served.set(document(first));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumers.pollOnce(STREAM) == 1);
        assertThat(handled(early)).isTrue();

        KeyPair second = EventKeys.generate();
        served.set(document(second, first));
        UUID rotated = append(second);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumers.pollOnce(STREAM);
            return handled(rotated);
        });
        assertThat(redis.opsForStream().size(EventsProperties.DEAD_LETTERS)).isZero();
    }

    @Test
    void aKeyStillUnknownAfterAFreshFetchIsAForgeryAndIsDeadLettered() {
        KeyPair genuine = EventKeys.generate();
        served.set(document(genuine));
        UUID forged = append(EventKeys.generate());
        int before = fetches.get();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumers.pollOnce(STREAM);
            return redis.opsForStream().size(EventsProperties.DEAD_LETTERS) == 1;
        });

        assertThat(handled(forged)).isFalse();
        assertThat(fetches.get()).as("the keys were fetched again before calling it a forgery").isGreaterThan(before);
        Map<Object, Object> dead = redis.opsForStream().range(EventsProperties.DEAD_LETTERS,
                org.springframework.data.domain.Range.unbounded()).getFirst().getValue();
        assertThat((String) dead.get("deadLetter.error")).contains("which is not one of events-it's");
    }

    @Test
    void fetchesTheKeysThroughTheObservedClient() {
        KeyPair key = EventKeys.generate();
        served.set(document(key));
        int before = traceparents.size();
        UUID event = append(key);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumers.pollOnce(STREAM);
            return handled(event);
        });

        List<String> sent = List.copyOf(traceparents);
        assertThat(sent.subList(before, sent.size()))
                .as("fetched by Boot's observed RestClient: a client span, its traceparent on every request")
                .isNotEmpty().allSatisfy(traceparent -> assertThat(traceparent)
                        .matches("00-\\p{XDigit}{32}-\\p{XDigit}{16}-\\p{XDigit}{2}"));
    }

    @Test
    void theServicePublishesItsOwnPublicKeyWithoutAToken() {
        JsonNode keys = JsonMapper.builder().build().readTree(RestClient.create().get()
                .uri("http://127.0.0.1:" + port + "/.well-known/event-keys").retrieve().body(String.class));

        assertThat(keys.path("producer").asString()).isEqualTo("events-it");
        assertThat(keys.path("keys").get(0).path("kid").asString()).isEqualTo(ownSigner.keyId());
        assertThat(EventKeys.publicKey(keys.path("keys").get(0).path("key").asString()).getEncoded())
                .isEqualTo(ownSigner.publicKey().getEncoded());
    }

    private UUID append(KeyPair key) {
        UUID id = UUID.randomUUID();
        Map<String, String> fields = new EventSigner(key.getPrivate()).signedFields(new EventEnvelope(id, "SeatHeld",
                1, Instant.now(), "events-it", "seat-1", Map.of(), "{\"seat\":\"A-1-1\"}"));
        redis.opsForStream().add(StreamRecords.mapBacked(fields).withStreamKey(STREAM));
        return id;
    }

    private boolean handled(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM effect WHERE event_id = ?", Integer.class, id) == 1;
    }

    private int effects() {
        return jdbc.queryForObject("SELECT count(*) FROM effect", Integer.class);
    }

    private static String document(KeyPair... keys) {
        StringBuilder json = new StringBuilder("{\"producer\":\"events-it\",\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"key\":\"").append(EventKeys.encode(keys[i].getPublic()))
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/event-keys", exchange -> {
                fetches.incrementAndGet();
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                traceparents.add(traceparent == null ? "" : traceparent);
                String body = served.get();
                byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body == null ? 503 : 200, body == null ? -1 : bytes.length);
                if (body != null) {
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
