package org.boxoffice.booking;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API end to end: organizer setup, buyer flow, scoping, idempotency and bad input. */
@IntegrationTest
class BookingApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    record Setup(UUID org, String organizer, UUID eventId, UUID stalls, UUID floor, List<UUID> seats) {
    }

    Setup publishedEvent() throws Exception {
        UUID org = UUID.randomUUID();
        String organizer = TestTokens.organizer(org);
        JsonNode venue = ok(201, post("/api/v1/admin/venues", organizer, null, """
                {"organizationId":"%s","name":"Coliseu","city":"Porto","address":"Rua Passos Manuel 137","timezone":"Europe/Lisbon"}"""
                .formatted(org)));
        String venueId = venue.path("id").asString();
        JsonNode stalls = ok(201, post("/api/v1/admin/venues/" + venueId + "/sections", organizer, null, """
                {"code":"A","name":"Stalls","kind":"SEATED","rows":{"from":"A","to":"C"},"seats":{"from":1,"to":10},
                 "accessibleSeats":["A-1"]}"""));
        JsonNode floor = ok(201, post("/api/v1/admin/venues/" + venueId + "/sections", organizer, null, """
                {"code":"GA","name":"Floor","kind":"GENERAL_ADMISSION","capacity":50}"""));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode event = ok(201, post("/api/v1/admin/events", organizer, null, """
                {"venueId":"%s","title":"Surge Night","description":"On sale now","startsAt":"%s","endsAt":"%s",
                 "timezone":"Europe/Lisbon","onSaleAt":"%s","offSaleAt":"%s","currency":"EUR",
                 "maxTicketsPerOrder":4,"maxTicketsPerBuyer":6}""".formatted(venueId, now.plus(2, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS))));
        String eventId = event.path("id").asString();
        ok(200, put("/api/v1/admin/events/" + eventId + "/price-tiers", organizer, """
                {"tiers":[{"sectionId":"%s","name":"Stalls","amountMinor":4550},{"sectionId":"%s","name":"Floor","amountMinor":2500}]}"""
                .formatted(stalls.path("id").asString(), floor.path("id").asString())));
        assertThat(ok(200, post("/api/v1/admin/events/" + eventId + "/publish", organizer, null, "")).path("status")
                .asString()).isEqualTo("PUBLISHED");
        List<UUID> seats = stalls.path("seats").valueStream().map(s -> UUID.fromString(s.path("id").asString())).toList();
        return new Setup(org, organizer, UUID.fromString(eventId), UUID.fromString(stalls.path("id").asString()),
                UUID.fromString(floor.path("id").asString()), seats);
    }

    @Test
    void aBuyerBrowsesHoldsAndChecksOutWhileOthersSeeNothingOfIt() throws Exception {
        Setup setup = publishedEvent();
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);

        JsonNode listed = ok(200, get("/api/v1/events?city=porto&q=surge", null));
        assertThat(listed.path("items").valueStream().map(e -> e.path("id").asString()))
                .contains(setup.eventId().toString());
        JsonNode availability = ok(200, get("/api/v1/events/" + setup.eventId() + "/availability", null));
        assertThat(availability.path("sections").get(0).path("available").asInt()).isEqualTo(30);

        JsonNode hold = ok(201, post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s","%s"]}""".formatted(setup.eventId(), setup.seats().get(0), setup.seats().get(1))));
        assertThat(hold.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(hold.path("remainingSeconds").asLong()).isBetween(590L, 600L);
        JsonNode seatMap = ok(200, get("/api/v1/events/" + setup.eventId() + "/sections/" + setup.stalls() + "/seats", null));
        assertThat(seatMap.path("seats").get(0).path("available").asBoolean()).isFalse();
        assertThat(seatMap.path("seats").get(0).path("accessible").asBoolean()).isTrue();
        assertThat(seatMap.path("seats").get(2).path("available").asBoolean()).isTrue();

        String holdId = hold.path("id").asString();
        String stranger = TestTokens.buyer();
        assertThat(get("/api/v1/holds/" + holdId, stranger).statusCode()).isEqualTo(404);
        assertThat(send(request("/api/v1/holds/" + holdId, stranger).DELETE()).statusCode())
                .as("another buyer cannot release the hold").isEqualTo(404);
        assertThat(post("/api/v1/orders", stranger, null, "{\"holdId\":\"%s\"}".formatted(holdId)).statusCode())
                .as("nor check it out").isEqualTo(404);
        assertThat(get("/api/v1/admin/events/" + setup.eventId(), TestTokens.organizer(UUID.randomUUID())).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/admin/events/" + setup.eventId(), buyer).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/holds", null, null, "{}").statusCode()).isEqualTo(401);

        JsonNode order = ok(201, post("/api/v1/orders", buyer, null, """
                {"holdId":"%s"}""".formatted(holdId)));
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(9_100);
        assertThat(order.path("currency").asString()).isEqualTo("EUR");
        assertThat(order.path("lines").get(0).path("description").asString()).contains("row A, seat 1");
        assertThat(get("/api/v1/orders/" + order.path("id").asString(), TestTokens.buyer()).statusCode()).isEqualTo(404);
        assertThat(ok(200, get("/api/v1/admin/events/" + setup.eventId() + "/orders?status=PENDING_PAYMENT",
                setup.organizer())).path("totalItems").asLong()).isEqualTo(1);
        assertThat(ok(200, get("/api/v1/holds/" + holdId, buyer)).path("status").asString()).isEqualTo("CHECKED_OUT");

        JsonNode cancelled = ok(200, post("/api/v1/admin/events/" + setup.eventId() + "/orders/"
                + order.path("id").asString() + "/cancel", setup.organizer(), null, ""));
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(setup.eventId()).query(Long.class).single()).isZero();
    }

    @Test
    void theCatalogueIsCacheableAndAnUnchangedAnswerIsNotSentAgain() throws Exception {
        Setup setup = publishedEvent();

        for (String path : List.of("/api/v1/events/" + setup.eventId(), "/api/v1/events/" + setup.eventId()
                + "/availability", "/api/v1/events/" + setup.eventId() + "/sections/" + setup.stalls() + "/seats")) {
            HttpResponse<String> first = get(path, null);
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).as(path).startsWith("max-age=")
                    .contains("public");

            HttpResponse<String> again = send(request(path, null).header("If-None-Match", etag).GET());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        String availability = "/api/v1/events/" + setup.eventId() + "/availability";
        String before = get(availability, null).headers().firstValue("ETag").orElseThrow();
        ok(201, post("/api/v1/holds", TestTokens.buyer(), null, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":2}}""".formatted(setup.eventId(),
                setup.floor())));
        HttpResponse<String> changed = send(request(availability, null).header("If-None-Match", before).GET());
        assertThat(changed.statusCode()).as("availability changed: the new answer, not a 304").isEqualTo(200);
    }

    @Test
    void aRetriedHoldWithTheSameKeyReturnsTheFirstAnswerAndHoldsOnce() throws Exception {
        Setup setup = publishedEvent();
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String body = """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":2}}""".formatted(setup.eventId(), setup.floor());

        List<Concurrently.Outcome<HttpResponse<String>>> parallel = Concurrently.run(8, i -> {
            try {
                return post("/api/v1/holds", buyer, "key-1", body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Integer> statuses = parallel.stream().map(o -> o.value().statusCode()).toList();
        assertThat(statuses).as("replays of the first answer, or in progress").isSubsetOf(201, 409).contains(201);
        HttpResponse<String> first = parallel.stream().map(Concurrently.Outcome::value)
                .filter(r -> r.statusCode() == 201).findFirst().orElseThrow();

        HttpResponse<String> retry = post("/api/v1/holds", buyer, "key-1", body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ?").param(setup.eventId()).query(Long.class)
                .single()).isEqualTo(1);

        HttpResponse<String> reused = post("/api/v1/holds", buyer, "key-1", body.replace("\"quantity\":2", "\"quantity\":3"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(problem(reused).path("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(post("/api/v1/holds", TestTokens.buyer(), "key-1", body).statusCode())
                .as("keys are scoped to the caller").isEqualTo(201);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldOrRuleAndChangesNothing() throws Exception {
        Setup setup = publishedEvent();
        Setup other = publishedEvent();
        String buyer = TestTokens.buyer(UUID.randomUUID());
        UUID seat = setup.seats().getFirst();

        assertProblem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(setup.eventId(), UUID.randomUUID())), 422, "unknown-seats");
        assertProblem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(setup.eventId(), other.seats().getFirst())), 422,
                "unknown-seats");
        assertThat(problem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s","%s"]}""".formatted(setup.eventId(), seat, seat))).path("errors").get(0)
                .path("field").asString()).isEqualTo("seatIds[1]");
        assertThat(problem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":0}}""".formatted(setup.eventId(), setup.floor())))
                .path("errors").get(0).path("field").asString()).isEqualTo("generalAdmission.quantity");
        assertProblem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":5}}""".formatted(setup.eventId(), setup.floor())),
                422, "ticket-limit-exceeded");
        assertProblem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(UUID.randomUUID(), seat)), 404, "event-not-found");
        assertThat(problem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s"],"generalAdmission":{"sectionId":"%s","quantity":1}}"""
                .formatted(setup.eventId(), seat, setup.floor()))).path("errors").get(0).path("field").asString())
                .isEqualTo("oneKind");
        assertProblem(post("/api/v1/holds", buyer, null, "{\"eventId\":"), 400, "malformed-request");
        assertThat(problem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":"two"}}""".formatted(setup.eventId(), setup.floor())))
                .path("detail").asString()).contains("generalAdmission.quantity");
        assertProblem(post("/api/v1/holds", buyer, null, "{\"eventId\":\"" + setup.eventId() + "\",\"seatIds\":[\""
                + "x".repeat(300_000) + "\"]}"), 413, "payload-too-large");
        assertProblem(post("/api/v1/holds", buyer, "k".repeat(300), "{}"), 400, "invalid-idempotency-key");

        ok(200, post("/api/v1/admin/events/" + setup.eventId() + "/pause", setup.organizer(), null, ""));
        assertProblem(post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(setup.eventId(), seat)), 409, "sale-not-open");
        assertProblem(post("/api/v1/admin/events/" + setup.eventId() + "/publish", setup.organizer(), null, ""), 409,
                "event-state-conflict");

        UUID[] events = {setup.eventId(), other.eventId()};
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ANY(?)").param(events).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ANY(?) AND status <> 'AVAILABLE'")
                .param(events).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(held), 0) FROM event_area WHERE event_id = ANY(?)").param(events)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM buyer_allowance WHERE event_id = ANY(?) AND tickets <> 0")
                .param(events).query(Long.class).single()).isZero();
    }

    @Test
    void cancellingAnEventReleasesItsHolds() throws Exception {
        Setup setup = publishedEvent();
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String holdId = ok(201, post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","bestAvailable":{"sectionId":"%s","quantity":3}}""".formatted(setup.eventId(), setup.stalls())))
                .path("id").asString();

        ok(200, post("/api/v1/admin/events/" + setup.eventId() + "/cancel", setup.organizer(), null, ""));

        assertThat(ok(200, get("/api/v1/holds/" + holdId, buyer)).path("status").asString()).isEqualTo("RELEASED");
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(setup.eventId()).query(Long.class).single()).isZero();
        assertThat(get("/api/v1/events/" + setup.eventId(), null).statusCode()).isEqualTo(404);
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem(response).path("type").asString()).isEqualTo("https://boxoffice.dev/problems/" + slug);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode ok(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return new BookingHttp(port).get(path, token);
    }

    HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        return new BookingHttp(port).post(path, token, key, body);
    }

    HttpResponse<String> put(String path, String token, String body) throws Exception {
        return new BookingHttp(port).put(path, token, body);
    }

    private HttpRequest.Builder request(String path, String token) {
        return new BookingHttp(port).request(path, token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return BookingHttp.send(request);
    }
}
