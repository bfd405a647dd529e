package org.boxoffice.booking.admission;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.area;
import static org.boxoffice.booking.BookingHttp.ok;

/**
 * booking-service's side of the waiting room, called directly (no gateway in front): an organizer puts an event behind
 * a waiting room, the setting reaches Redis for the gateway, and from then on a hold on it needs a pass the gateway
 * signed for that buyer and that event — no pass, someone else's, another event's, an expired or a forged one is
 * refused, so going around the gateway does not skip the queue.
 */
@IntegrationTest
class AdmissionIT {

    @Value("${local.server.port}")
    int port;
    @Value("${boxoffice.waiting-room.pass-key}")
    String passKey;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    WaitingRoomRepublisher republisher;
    @Autowired
    WaitingRoomPublisher publisher;

    BookingHttp http;
    BookingFixture fixture;

    @BeforeEach
    void fixture() {
        http = new BookingHttp(port);
        fixture = new BookingFixture(venues, events);
    }

    @Test
    void aHoldOnAnEventBehindAWaitingRoomNeedsThePassTheGatewayGaveThatBuyerForThatEvent() throws Exception {
        OnSale sale = fixture.onSale(2, 10, 50, 4, 8);
        OnSale other = fixture.onSale(1, 5, 5, 4, 8);
        UUID eventId = sale.event().id();
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        String ticket = area(sale, 1);
        assertThat(http.hold(buyer, ticket, null).statusCode()).as("no waiting room yet: no pass needed").isEqualTo(201);

        ok(200, http.put("/api/v1/admin/events/" + eventId + "/waiting-room", TestTokens.organizer(sale.organizationId()),
                "{\"enabled\":true,\"mode\":\"FIXED\",\"ratePerMinute\":120}"));
        AdmissionPasses gateway = new AdmissionPasses(passKey, null);
        Instant later = Instant.now().plus(Duration.ofMinutes(5));

        JsonNode missing = ok(403, http.hold(buyer, ticket, null));
        assertThat(missing.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-pass-required");
        assertThat(missing.path("waitingRoom").asString()).isEqualTo("/api/v1/waiting-room/events/" + eventId);

        assertRefused(http.hold(buyer, ticket, gateway.sign(new AdmissionPass(UUID.randomUUID(), eventId, later))),
                "other-account");
        assertRefused(http.hold(buyer, ticket, gateway.sign(new AdmissionPass(buyerId, other.event().id(), later))),
                "other-event");
        assertRefused(http.hold(buyer, ticket, gateway.sign(new AdmissionPass(buyerId, eventId,
                Instant.now().minusSeconds(1)))), "expired");
        assertRefused(http.hold(buyer, ticket, new AdmissionPasses("not-the-gateways-key-but-long-enough-0123", null)
                .sign(new AdmissionPass(buyerId, eventId, later))), "unknown-key");
        String valid = gateway.sign(new AdmissionPass(buyerId, eventId, later));
        String stretched = valid.replace("." + later.getEpochSecond() + ".", "." + (later.getEpochSecond() + 86_400) + ".");
        assertRefused(http.hold(buyer, ticket, stretched), "bad-signature");
        assertRefused(http.hold(buyer, ticket, "let-me-in"), "malformed");
        assertThat(http.hold(buyer, area(other, 1), null).statusCode())
                .as("another event without a waiting room is not affected").isEqualTo(201);

        ok(201, http.hold(buyer, ticket, valid));
        assertThat(http.hold(buyer, ticket, valid).statusCode())
                .as("the buyer may use the pass again while it lasts (a second try for other seats)").isEqualTo(201);
        assertRefused(http.hold(TestTokens.buyer(), ticket, valid), "other-account");

        ok(200, http.put("/api/v1/admin/events/" + eventId + "/waiting-room", TestTokens.organizer(sale.organizationId()),
                "{\"enabled\":false}"));
        assertThat(http.hold(TestTokens.buyer(), ticket, null).statusCode())
                .as("with the waiting room off, holds need no pass again").isEqualTo(201);
    }

    @Test
    void onlyTheEventsOrganizersChangeItsWaitingRoomAndOnlyWithinBounds() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 10, 4, 8);
        String path = "/api/v1/admin/events/" + sale.event().id() + "/waiting-room";
        String organizer = TestTokens.organizer(sale.organizationId());

        JsonNode initial = ok(200, http.get(path, organizer));
        assertThat(initial.path("enabled").asBoolean()).isFalse();
        assertThat(http.put(path, TestTokens.organizer(UUID.randomUUID()), "{\"enabled\":true}").statusCode())
                .as("another organization's event does not exist for them").isEqualTo(404);
        assertThat(http.put(path, TestTokens.buyer(), "{\"enabled\":true}").statusCode()).isEqualTo(403);

        JsonNode outOfBounds = ok(422, http.put(path, organizer,
                "{\"enabled\":true,\"mode\":\"AUTO\",\"ratePerMinute\":50,\"minRatePerMinute\":60}"));
        assertThat(outOfBounds.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/invalid-waiting-room");
        assertThat(outOfBounds.path("errors").get(0).path("field").asString()).isEqualTo("minRatePerMinute");
        HttpResponse<String> zero = http.put(path, organizer, "{\"enabled\":true,\"ratePerMinute\":0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("validation-failed", "ratePerMinute");
        assertThat(http.put(path, organizer, "{\"ratePerMinute\":10}").statusCode()).as("enabled is required").isEqualTo(400);

        JsonNode auto = ok(200, http.put(path, organizer, """
                {"enabled":true,"mode":"AUTO","ratePerMinute":300,"minRatePerMinute":100,"maxRatePerMinute":900,
                 "opensMinutesBeforeSale":45,"passMinutes":7}"""));
        assertThat(auto.path("mode").asString()).isEqualTo("AUTO");
        assertThat(Instant.parse(auto.path("queueOpensAt").asString()))
                .isEqualTo(sale.event().schedule().onSaleAt().minus(Duration.ofMinutes(45)));
        JsonNode kept = ok(200, http.put(path, organizer, "{\"enabled\":true,\"ratePerMinute\":400}"));
        assertThat(kept.path("maxRatePerMinute").asInt()).as("fields left out keep their value").isEqualTo(900);
        assertThat(kept.path("passMinutes").asInt()).isEqualTo(7);

        events.cancel(BookingFixture.ANY_ORGANIZATION, sale.event().id());
        assertThat(http.put(path, organizer, "{\"enabled\":false}").statusCode()).isEqualTo(409);
    }

    @Test
    void publishesTheSettingForTheGatewayAndRepublishesItWhenRedisLostIt() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 10, 4, 8);
        UUID eventId = sale.event().id();
        String path = "/api/v1/admin/events/" + eventId + "/waiting-room";
        String key = WaitingRoomPublisher.SETTINGS_PREFIX + eventId;
        ok(200, http.put(path, TestTokens.organizer(sale.organizationId()), """
                {"enabled":true,"mode":"AUTO","ratePerMinute":200,"minRatePerMinute":50,"maxRatePerMinute":800,
                 "opensMinutesBeforeSale":30,"passMinutes":10}"""));

        Map<Object, Object> published = redis.opsForHash().entries(key);
        assertThat(published).containsEntry("enabled", "true").containsEntry("mode", "AUTO")
                .containsEntry("organizationId", sale.organizationId().toString())
                .containsEntry("ratePerMinute", "200").containsEntry("minRatePerMinute", "50")
                .containsEntry("maxRatePerMinute", "800").containsEntry("passSeconds", "600")
                .containsEntry("onSaleAt", Long.toString(sale.event().schedule().onSaleAt().toEpochMilli()))
                .containsEntry("opensAt",
                        Long.toString(sale.event().schedule().onSaleAt().minus(Duration.ofMinutes(30)).toEpochMilli()))
                .containsEntry("offSaleAt", Long.toString(sale.event().schedule().offSaleAt().toEpochMilli()));
        assertThat(redis.opsForSet().isMember(WaitingRoomPublisher.EVENTS, eventId.toString())).isTrue();
        assertThat(redis.getExpire(key)).as("kept until a day after the sale").isPositive();

        redis.delete(key);
        republisher.runOnce();
        assertThat(redis.opsForHash().entries(key)).as("the republisher repaired it").containsEntry("ratePerMinute", "200");

        WaitingRoom older = new WaitingRoom(eventId, true, AdmissionMode.FIXED, 999, 999, 999, Duration.ZERO,
                Duration.ofMinutes(1), Instant.now().minus(Duration.ofHours(1)));
        publisher.publish(new WaitingRooms.OfEvent(older, sale.organizationId(), sale.event().schedule().onSaleAt(),
                sale.event().schedule().offSaleAt(), false));
        assertThat(redis.opsForHash().get(key, "ratePerMinute")).as("an older write does not win").isEqualTo("200");

        ok(200, http.put(path, TestTokens.organizer(sale.organizationId()), "{\"enabled\":false}"));
        assertThat(redis.opsForHash().get(key, "enabled")).isEqualTo("false");
        assertThat(redis.opsForSet().isMember(WaitingRoomPublisher.EVENTS, eventId.toString())).isFalse();
    }

    @Test
    void theRoomOfACancelledEventClosesAtTheGateway() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 10, 4, 8);
        String key = WaitingRoomPublisher.SETTINGS_PREFIX + sale.event().id();
        ok(200, http.put("/api/v1/admin/events/" + sale.event().id() + "/waiting-room",
                TestTokens.organizer(sale.organizationId()), "{\"enabled\":true}"));
        assertThat(redis.opsForHash().get(key, "enabled")).isEqualTo("true");

        events.cancel(BookingFixture.ANY_ORGANIZATION, sale.event().id());
        republisher.runOnce();

        assertThat(redis.opsForHash().get(key, "enabled")).isEqualTo("false");
        assertThat(redis.opsForSet().isMember(WaitingRoomPublisher.EVENTS, sale.event().id().toString())).isFalse();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        JsonNode problem = ok(403, response);
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-pass-invalid");
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
    }
}
