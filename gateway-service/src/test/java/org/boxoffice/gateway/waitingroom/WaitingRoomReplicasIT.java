package org.boxoffice.gateway.waitingroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.boxoffice.gateway.waitingroom.PublishedRooms.Room;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.MutableClock;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.gateway.waitingroom.GatewayClient.body;

/**
 * Gateways keep no queue of their own: two instances (two application contexts on one Redis) serve one queue — a
 * place taken through one is polled through the other, the other's ticker lets buyers in, a pass one hands out opens
 * holds through the other — and an instance that is stopped and started again loses no place and no pass.
 */
@IntegrationTest(properties = { "boxoffice.gateway.edge.rate-limit.enabled=false",
        "boxoffice.gateway.waiting-room.redis-timeout=10s", "spring.data.redis.timeout=10s" })
@Import(WaitingRoomReplicasIT.SharedClock.class)
class WaitingRoomReplicasIT {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    static final StandIn BOOKING = new StandIn(200);

    /** One clock for both instances, as NTP gives replicas one time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        registry.add("BOXOFFICE_BOOKING_URL", BOOKING::url);
    }

    @AfterAll
    static void stopStandIn() {
        BOOKING.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    AdmissionTicker ticker;

    @Test
    void twoGatewaysServeOneQueueAndARestartedGatewayLosesNoPlace() {
        Map<String, Object> settings = new HashMap<>(Map.of("boxoffice.gateway.edge.rate-limit.enabled", false,
                "boxoffice.gateway.waiting-room.redis-timeout", "10s", "spring.data.redis.timeout", "10s",
                "BOXOFFICE_BOOKING_URL", BOOKING.url()));
        ConfigurableApplicationContext second = Gateways.replica(settings, SharedClock.class);
        GatewayClient first = new GatewayClient(port);
        GatewayClient other = new GatewayClient(Gateways.port(second));
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        List<UUID> buyers = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        for (int i = 0; i < buyers.size(); i++) {
            GatewayClient through = i % 2 == 0 ? first : other;
            assertThat(body(through.join(TestTokens.buyer(buyers.get(i)), room.eventId()), 200).path("position")
                    .asLong()).as("one queue whichever gateway a buyer reaches").isEqualTo(i + 1);
        }
        assertThat(body(other.join(TestTokens.buyer(buyers.getFirst()), room.eventId()), 200).path("position").asLong())
                .as("the same account through the other gateway: the same place").isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(2));
        second.getBean(AdmissionTicker.class).tick(room.eventId());
        ticker.tick(room.eventId());
        JsonNode throughFirst = body(first.poll(TestTokens.buyer(buyers.getFirst()), room.eventId()), 200);
        JsonNode throughOther = body(other.poll(TestTokens.buyer(buyers.getFirst()), room.eventId()), 200);
        assertThat(throughFirst.path("status").asString()).as("let in by the other gateway's ticker").isEqualTo("ADMITTED");
        assertThat(throughOther.path("pass").asString()).isEqualTo(throughFirst.path("pass").asString());
        assertThat(first.hold(TestTokens.buyer(buyers.getFirst()), room.eventId(), throughOther.path("pass").asString())
                .statusCode()).as("a pass from one gateway opens holds through the other").isEqualTo(201);
        Map<UUID, String> before = places(first, buyers, room);
        assertThat(before.values()).as("60 a minute for two seconds, both replicas ticking: two let in, not four")
                .filteredOn(place -> place.startsWith("ADMITTED")).hasSize(2);
        assertThat(before.get(buyers.get(2))).isEqualTo("WAITING 1");

        second.close();
        ConfigurableApplicationContext restarted = Gateways.replica(settings, SharedClock.class);
        try {
            GatewayClient back = new GatewayClient(Gateways.port(restarted));
            assertThat(places(back, buyers, room)).as("after a restart: every place and pass as it was")
                    .isEqualTo(before);
            CLOCK.advance(Duration.ofSeconds(1));
            restarted.getBean(AdmissionTicker.class).tick(room.eventId());
            assertThat(body(back.poll(TestTokens.buyer(buyers.get(2)), room.eventId()), 200).path("status").asString())
                    .as("and the queue goes on where it was").isEqualTo("ADMITTED");
        } finally {
            restarted.close();
        }
    }

    /** Each buyer's status and position (or pass). */
    private static Map<UUID, String> places(GatewayClient gateway, List<UUID> buyers, Room room) {
        Map<UUID, String> places = new LinkedHashMap<>();
        for (UUID buyer : buyers) {
            JsonNode place = body(gateway.poll(TestTokens.buyer(buyer), room.eventId()), 200);
            places.put(buyer, place.path("status").asString() + " " + (place.has("pass") ? place.path("pass").asString()
                    : place.path("position").asString()));
        }
        return places;
    }
}
