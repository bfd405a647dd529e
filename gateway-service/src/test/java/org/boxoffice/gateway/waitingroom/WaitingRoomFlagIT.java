package org.boxoffice.gateway.waitingroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.boxoffice.gateway.waitingroom.PublishedRooms.Room;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagRefresher;
import org.boxoffice.platform.flags.FlagRule;
import org.boxoffice.platform.flags.FlagSetting;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.flags.FlagStore;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room flag at the gateway (docs/feature-flags.md): switched off for an event or its organization, holds
 * on it reach booking-service without a pass although the organizer's room is on; other events keep their room; back
 * on, the pass is needed again. The flag reaches the gateway the way it reaches every service: through Redis.
 */
@IntegrationTest(properties = { "boxoffice.gateway.waiting-room.settings-cache-ttl=0s",
        "boxoffice.gateway.edge.rate-limit.enabled=false" })
class WaitingRoomFlagIT {

    static final StandIn BOOKING = new StandIn(201);

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("BOXOFFICE_BOOKING_URL", BOOKING::url);
    }

    @AfterAll
    static void stopStandIns() {
        BOOKING.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    FlagStore store;
    @Autowired
    FlagState state;
    @Autowired
    FlagRefresher refresher;

    @AfterEach
    void backToTheFile() {
        change(Map.of());
    }

    @Test
    void theFlagSwitchesARoomOffForAnEventOrAnOrganizationWithoutTouchingTheOthers() {
        GatewayClient gateway = new GatewayClient(port);
        Room room = PublishedRooms.publish(redis, Room.onSale(Instant.now(), 60));
        Room other = PublishedRooms.publish(redis, Room.onSale(Instant.now(), 60));
        String buyer = TestTokens.buyer();
        assertThat(gateway.hold(buyer, room.eventId(), null).statusCode()).isEqualTo(403);

        change(Map.of("waiting-room", new FlagSetting(true,
                List.of(new FlagRule(false, null, null, List.of(room.eventId()), null)))));
        assertThat(gateway.hold(buyer, room.eventId(), null).statusCode()).as("off for the event").isEqualTo(201);
        assertThat(gateway.hold(buyer, other.eventId(), null).statusCode()).as("another event").isEqualTo(403);

        change(Map.of("waiting-room", new FlagSetting(true,
                List.of(new FlagRule(false, null, List.of(other.organizationId()), null, null)))));
        assertThat(gateway.hold(buyer, other.eventId(), null).statusCode()).as("off for the organization")
                .isEqualTo(201);
        assertThat(gateway.hold(buyer, room.eventId(), null).statusCode()).isEqualTo(403);

        change(Map.of());
        assertThat(gateway.hold(buyer, other.eventId(), null).statusCode()).as("on again").isEqualTo(403);
    }

    private void change(Map<String, FlagSetting> overrides) {
        long version = Math.max(state.version(), store.version().orElse(0)) + 1;
        assertThat(store.publish(new FlagDocument(version, overrides))).isTrue();
        refresher.runOnce();
        assertThat(state.version()).isEqualTo(version);
    }
}
