package org.boxoffice.booking.hold;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags in front of holds, changed the way operators change them (a document published to Redis, read by this
 * replica's refresher): the kill switch refuses new holds with {@code 503 holds-paused} and holds nothing, for
 * everyone or only for the event or organization its rule names; best available can be switched off on its own; the
 * waiting room flag lets holds through without a pass while the organizer's room stays on.
 */
@IntegrationTest
class HoldFlagsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @AfterEach
    void backToTheFile() {
        change(Map.of());
    }

    @Test
    void theKillSwitchRefusesNewHoldsAndHoldsNothingUntilItIsOff() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 20, 4, 8);
        OnSale other = fixture().onSale(1, 10, 20, 4, 8);
        String buyer = TestTokens.buyer();

        change(Map.of("holds.paused", FlagSetting.fixed(true)));
        HttpResponse<String> refused = post(buyer, seats(sale, 0, 2), null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/holds-paused");
        assertThat(problem.path("retryAfterSeconds").asInt()).isPositive();
        assertThat(post(buyer, area(other, 1), null).statusCode()).as("general admission too").isEqualTo(503);
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id IN (?, ?)").param(sale.event().id())
                .param(other.event().id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(sale.event().id()).query(Long.class).single()).isZero();

        change(Map.of("holds.paused", new FlagSetting(false,
                List.of(new FlagRule(true, null, null, List.of(sale.event().id()), null)))));
        assertThat(post(buyer, seats(sale, 0, 2), null).statusCode()).as("paused for this event only").isEqualTo(503);
        assertThat(post(buyer, seats(other, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of("holds.paused", new FlagSetting(false,
                List.of(new FlagRule(true, null, List.of(other.organizationId()), null, null)))));
        assertThat(post(buyer, seats(other, 2, 2), null).statusCode()).as("paused for the organization")
                .isEqualTo(503);
        assertThat(post(buyer, seats(sale, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of());
        assertThat(post(buyer, seats(other, 2, 2), null).statusCode()).as("switched off again").isEqualTo(201);
    }

    @Test
    void bestAvailableCanBeSwitchedOffWhileChosenSeatsStillSell() throws Exception {
        OnSale sale = fixture().onSale(2, 10, 20, 4, 8);
        String buyer = TestTokens.buyer();
        String best = """
                {"eventId":"%s","bestAvailable":{"sectionId":"%s","quantity":2}}"""
                .formatted(sale.event().id(), sale.stalls().id());

        change(Map.of("holds.best-available", FlagSetting.fixed(false)));
        HttpResponse<String> refused = post(buyer, best, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/feature-disabled");
        assertThat(problem.path("feature").asString()).isEqualTo("holds.best-available");
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ?").param(sale.event().id())
                .query(Long.class).single()).isZero();
        assertThat(post(buyer, seats(sale, 0, 2), null).statusCode()).isEqualTo(201);

        change(Map.of());
        assertThat(post(buyer, best, null).statusCode()).isEqualTo(201);
    }

    @Test
    void theWaitingRoomFlagLetsHoldsThroughWithoutAPassWhileTheOrganizersRoomStaysOn() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 20, 4, 8);
        UUID eventId = sale.event().id();
        HttpResponse<String> on = HTTP.send(request("/api/v1/admin/events/" + eventId + "/waiting-room",
                TestTokens.organizer(sale.organizationId())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        assertThat(post(buyer, area(sale, 1), null).statusCode()).as("the room is on: a pass is needed")
                .isEqualTo(403);

        change(Map.of("waiting-room", new FlagSetting(true,
                List.of(new FlagRule(false, null, null, List.of(eventId), null)))));
        assertThat(post(buyer, area(sale, 1), null).statusCode()).as("the flag switched it off").isEqualTo(201);

        change(Map.of());
        assertThat(post(buyer, area(sale, 1), null).statusCode()).isEqualTo(403);
        String pass = new AdmissionPasses(passKey, null).sign(new AdmissionPass(buyerId, eventId,
                Instant.now().plus(Duration.ofMinutes(5))));
        assertThat(post(buyer, area(sale, 1), pass).statusCode()).isEqualTo(201);
    }

    /** Publishes the runtime changes as the owner does and lets this replica read them. */
    private void change(Map<String, FlagSetting> overrides) {
        long version = Math.max(state.version(), store.version().orElse(0)) + 1;
        assertThat(store.publish(new FlagDocument(version, overrides))).isTrue();
        refresher.runOnce();
        assertThat(state.version()).isEqualTo(version);
    }

    private BookingFixture fixture() {
        return new BookingFixture(venues, events);
    }

    private static String seats(OnSale sale, int from, int count) {
        return """
                {"eventId":"%s","seatIds":%s}""".formatted(sale.event().id(),
                sale.seatIds(from, count).stream().map(id -> "\"" + id + "\"").toList());
    }

    private static String area(OnSale sale, int quantity) {
        return """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":%d}}"""
                .formatted(sale.event().id(), sale.floor().id(), quantity);
    }

    private HttpResponse<String> post(String token, String body, @Nullable String pass) throws Exception {
        HttpRequest.Builder request = request("/api/v1/holds", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (pass != null) {
            request.header(AdmissionPass.HEADER, pass);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
