package org.boxoffice.gateway.waitingroom;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.gateway.waitingroom.PublishedRooms.Room;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.gateway.waitingroom.GatewayClient.body;

/**
 * Redis goes down under a gateway (a Redis server of this test's own, stopped and started again; the machine's Redis
 * is not touched): the waiting room closes — joining, polling and the organizers' view answer
 * {@code waiting-room-unavailable} with {@code Retry-After}, and a hold without a pass is still refused — while buyers
 * already let in finish with their pass, which needs no Redis. When Redis is back, so is the queue.
 */
class WaitingRoomRedisOutageIT {

    private static final StandIn BOOKING = new StandIn(200);
    private static int redisPort;
    private static RedisServer redis;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() throws IOException {
        redisPort = freePort();
        redis = startRedis();
        gateway = Gateways.onRedis(redisPort, Map.of("BOXOFFICE_BOOKING_URL", BOOKING.url(),
                "boxoffice.gateway.edge.rate-limit.enabled", false,
                "boxoffice.gateway.waiting-room.settings-cache-ttl", "0s",
                "boxoffice.gateway.waiting-room.redis-timeout", "1s"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
        BOOKING.close();
    }

    @Test
    void withoutRedisTheWaitingRoomIsClosedNotOpenAndBuyersAlreadyInFinishWithTheirPass() throws Exception {
        ReactiveStringRedisTemplate store = gateway.getBean(ReactiveStringRedisTemplate.class);
        AdmissionTicker ticker = gateway.getBean(AdmissionTicker.class);
        GatewayClient client = new GatewayClient(Gateways.port(gateway));
        Room room = PublishedRooms.publish(store, Room.onSale(Instant.now(), 6_000));
        UUID inside = UUID.randomUUID();
        String insideToken = TestTokens.buyer(inside);
        JsonNode place = body(client.join(insideToken, room.eventId()), 200);
        for (int tick = 0; tick < 50 && !"ADMITTED".equals(place.path("status").asString()); tick++) {
            Thread.sleep(20);
            ticker.tick(room.eventId());
            place = body(client.poll(insideToken, room.eventId()), 200);
        }
        assertThat(place.path("status").asString()).isEqualTo("ADMITTED");
        String pass = place.path("pass").asString();

        redis.stop();
        String newcomer = TestTokens.buyer();
        HttpResponse<String> join = client.join(newcomer, room.eventId());
        assertThat(body(join, 503).path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-unavailable");
        assertThat(join.headers().firstValue("Retry-After")).contains("5");
        assertThat(client.poll(insideToken, room.eventId()).statusCode()).isEqualTo(503);
        assertThat(client.admin("GET", "", room.eventId(), TestTokens.organizer(room.organizationId()), null).statusCode())
                .isEqualTo(503);
        assertThat(body(client.hold(newcomer, room.eventId(), null), 403).path("type").asString())
                .as("no free-for-all: a hold without a pass is still refused")
                .isEqualTo("https://boxoffice.dev/problems/waiting-room-pass-required");
        assertThat(client.hold(insideToken, room.eventId(), pass).statusCode())
                .as("a buyer already let in finishes: the pass is checked without Redis").isEqualTo(201);
        assertThat(client.hold(newcomer, UUID.randomUUID(), null).statusCode())
                .as("events without a waiting room are not affected").isEqualTo(201);
        assertThat(BOOKING.holds(room.eventId())).hasSize(1);
        assertThat(new GatewayClient(Gateways.managementPort(gateway)).send("GET", "/actuator/prometheus", null, null, null).body())
                .contains("boxoffice_waiting_room_unavailable_total");

        redis = startRedis();
        // booking-service's republisher writes the setting again within 30 s; here the test does, once the
        // gateway's Redis client has reconnected.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!published(store, room) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        HttpResponse<String> again = client.join(newcomer, room.eventId());
        while (again.statusCode() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            again = client.join(newcomer, room.eventId());
        }
        assertThat(again.statusCode()).as("the queue is back with Redis: " + again.body()).isEqualTo(200);
    }

    private static boolean published(ReactiveStringRedisTemplate store, Room room) {
        try {
            PublishedRooms.publish(store, room);
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static RedisServer startRedis() throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").onShutdownForceStop(true).build();
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
