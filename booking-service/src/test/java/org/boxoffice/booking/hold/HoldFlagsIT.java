package org.boxoffice.booking.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagRefresher;
import org.boxoffice.platform.flags.FlagRule;
import org.boxoffice.platform.flags.FlagSetting;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.flags.FlagStore;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.area;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.seats;

/**
 * The flags in front of holds, changed the way operators change them (a document published to Redis, read by this
 * replica's refresher): the kill switch refuses new holds with {@code 503 holds-paused} and holds nothing, for
 * everyone or only for the event or organization its rule names; best available can be switched off on its own; the
 * waiting room flag lets holds through without a pass while the organizer's room stays on.
 */
@IntegrationTest
class HoldFlagsIT {

    @Value("${local.server.port}")
    int port;
    @Value("${boxoffice.waiting-room.pass-key}")
    String passKey;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    FlagStore store;
    @Autowired
    FlagState state;
    @Autowired
    FlagRefresher refresher;
    @Autowired
    JdbcClient jdbc;

    BookingHttp http;
    BookingFixture fixture;

    @BeforeEach
    void fixture() {
        http = new BookingHttp(port);
        fixture = new BookingFixture(venues, events);
    }

    @AfterEach
    void backToTheFile() {
        change(Map.of());
    }

    @Test
    void theKillSwitchRefusesNewHoldsAndHoldsNothingUntilItIsOff() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 20, 4, 8);
        OnSale other = fixture.onSale(1, 10, 20, 4, 8);
        String buyer = TestTokens.buyer();

        change(Map.of("holds.paused", FlagSetting.fixed(true)));
        JsonNode problem = ok(503, http.hold(buyer, seats(sale, 0, 2), null));
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/holds-paused");
        assertThat(problem.path("retryAfterSeconds").asInt()).isPositive();
        assertThat(http.hold(buyer, area(other, 1), null).statusCode()).as("general admission too").isEqualTo(503);
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id IN (?, ?)").param(sale.event().id())
                .param(other.event().id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(sale.event().id()).query(Long.class).single()).isZero();

        change(Map.of("holds.paused", new FlagSetting(false,
                List.of(new FlagRule(true, null, null, List.of(sale.event().id()), null)))));
        assertThat(http.hold(buyer, seats(sale, 0, 2), null).statusCode()).as("paused for this event only")
                .isEqualTo(503);
        assertThat(http.hold(buyer, seats(other, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of("holds.paused", new FlagSetting(false,
                List.of(new FlagRule(true, null, List.of(other.organizationId()), null, null)))));
        assertThat(http.hold(buyer, seats(other, 2, 2), null).statusCode()).as("paused for the organization")
                .isEqualTo(503);
        assertThat(http.hold(buyer, seats(sale, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of());
        assertThat(http.hold(buyer, seats(other, 2, 2), null).statusCode()).as("switched off again").isEqualTo(201);
    }

    @Test
    void bestAvailableCanBeSwitchedOffWhileChosenSeatsStillSell() throws Exception {
        OnSale sale = fixture.onSale(2, 10, 20, 4, 8);
        String buyer = TestTokens.buyer();
        String best = """
                {"eventId":"%s","bestAvailable":{"sectionId":"%s","quantity":2}}"""
                .formatted(sale.event().id(), sale.stalls().id());

        change(Map.of("holds.best-available", FlagSetting.fixed(false)));
        JsonNode problem = ok(409, http.hold(buyer, best, null));
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/feature-disabled");
        assertThat(problem.path("feature").asString()).isEqualTo("holds.best-available");
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ?").param(sale.event().id())
                .query(Long.class).single()).isZero();
        assertThat(http.hold(buyer, seats(sale, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of());
        assertThat(http.hold(buyer, best, null).statusCode()).isEqualTo(201);
    }

    @Test
    void theWaitingRoomFlagLetsHoldsThroughWithoutAPassWhileTheOrganizersRoomStaysOn() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 20, 4, 8);
        UUID eventId = sale.event().id();
        ok(200, http.put("/api/v1/admin/events/" + eventId + "/waiting-room",
                TestTokens.organizer(sale.organizationId()), "{\"enabled\":true}"));
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        assertThat(http.hold(buyer, area(sale, 1), null).statusCode()).as("the room is on: a pass is needed")
                .isEqualTo(403);

        change(Map.of("waiting-room", new FlagSetting(true,
                List.of(new FlagRule(false, null, null, List.of(eventId), null)))));
        assertThat(http.hold(buyer, area(sale, 1), null).statusCode()).as("the flag switched it off").isEqualTo(201);

        change(Map.of());
        assertThat(http.hold(buyer, area(sale, 1), null).statusCode()).isEqualTo(403);
        String pass = new AdmissionPasses(passKey, null).sign(new AdmissionPass(buyerId, eventId,
                Instant.now().plus(Duration.ofMinutes(5))));
        assertThat(http.hold(buyer, area(sale, 1), pass).statusCode()).isEqualTo(201);
    }

    /** Publishes the runtime changes as the owner does and lets this replica read them. */
    private void change(Map<String, FlagSetting> overrides) {
        long version = Math.max(state.version(), store.version().orElse(0)) + 1;
        assertThat(store.publish(new FlagDocument(version, overrides))).isTrue();
        refresher.runOnce();
        assertThat(state.version()).isEqualTo(version);
    }
}
