package org.boxoffice.booking.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket transfer on a real PostgreSQL and Redis (docs/commerce.md#ticket-transfer): the old QR stops admitting at
 * once, the recipient's ticket admits, and a transfer racing a check-in of the same ticket lets exactly one win.
 */
@IntegrationTest
class TicketTransferIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketTransfers transfers;
    @Autowired
    JdbcClient jdbc;

    TicketFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TicketFixture(venues, events, holds, checkout, tickets);
    }

    @Test
    void aTransferAndACheckInOfTheSameTicketRacingLetExactlyOneWin() throws Exception {
        OnSale sale = new BookingFixture(venues, events).free(4, 10, 10, 10, 40);
        UUID buyer = UUID.randomUUID();
        for (int round = 0; round < 12; round++) {
            Ticket ticket = fixture.ticket(sale, buyer, round * 3);

            List<Outcome<Ticket>> racers = Concurrently.run(2, i -> i == 0
                    ? transfers.transfer(buyer, ticket.id(), "friend" + i + "@test.boxoffice.dev")
                    : tickets.checkIn(BookingFixture.ANY_ORGANIZATION, null, ticket.qrPayload()));

            assertThat(racers).filteredOn(Outcome::succeeded).hasSize(1);
            List<Ticket> after = tickets.ofOrder(buyer, ticket.orderId());
            if (racers.get(0).succeeded()) {
                assertThat(racers.get(1).failure()).isInstanceOf(TicketTransferred.class);
                assertThat(after).extracting(Ticket::status).containsExactly(TicketStatus.VOID, TicketStatus.VALID);
                assertThat(after.get(0).transferredAt()).isNotNull();
                assertThat(after).allSatisfy(t -> assertThat(t.checkedInAt()).isNull());
                // The old QR admits nobody; the recipient's does, once.
                assertThat(tickets.checkIn(BookingFixture.ANY_ORGANIZATION, null,
                        after.get(1).qrPayload()).checkedInAt()).isNotNull();
            } else {
                assertThat(racers.get(0).failure()).isInstanceOf(TicketAlreadyCheckedIn.class);
                assertThat(after).singleElement().satisfies(t -> {
                    assertThat(t.status()).isEqualTo(TicketStatus.VALID);
                    assertThat(t.checkedInAt()).isNotNull();
                    assertThat(t.holderEmail()).isNull();
                });
            }
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'TicketTransferred' AND payload->>"
                    + "'previousTicketId' = ?").param(ticket.id().toString()).query(Long.class).single())
                    .isEqualTo(racers.get(0).succeeded() ? 1 : 0);
        }
        // Which side wins a round is the scheduler's choice: each round checks the branch it took.
    }

    @Test
    void tenTransfersOfOneTicketAtOnceMakeExactlyOneNewTicket() throws Exception {
        UUID buyer = UUID.randomUUID();
        Ticket ticket = fixture.ticket(buyer);

        List<Outcome<Ticket>> racers = Concurrently.run(10,
                i -> transfers.transfer(buyer, ticket.id(), "friend" + i + "@test.boxoffice.dev"));

        assertThat(racers).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(racers).filteredOn(r -> !r.succeeded())
                .allSatisfy(r -> assertThat(r.failure()).isInstanceOf(TicketTransferred.class)).hasSize(9);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'VALID'").param(ticket.orderId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBuyerTransfersATicketAndOnlyTheRecipientsNewQrAdmitsFromThenOn() throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = fixture.freeEvent();
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        String organizer = TestTokens.organizer(sale.organizationId());
        String holdId = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","seatIds":["%s","%s"]}""".formatted(sale.event().id(), sale.seatIds(0, 2).get(0),
                sale.seatIds(0, 2).get(1)))).path("id").asString();
        String orderId = ok(201, http.post("/api/v1/orders", buyer, UUID.randomUUID().toString(), """
                {"holdId":"%s"}""".formatted(holdId))).path("id").asString();
        JsonNode issued = ok(200, http.get("/api/v1/tickets?orderId=" + orderId, buyer));
        String oldId = issued.get(0).path("id").asString();
        String oldQr = issued.get(0).path("qrPayload").asString();
        String oldCode = issued.get(0).path("code").asString();
        String path = "/api/v1/tickets/" + oldId + "/transfer";

        assertThat(problem(400, http.post(path, buyer, null, """
                {"recipientEmail":"not an address"}"""))).isEqualTo("validation-failed");
        assertThat(problem(404, http.post(path, TestTokens.buyer(UUID.randomUUID()), null, """
                {"recipientEmail":"friend@test.boxoffice.dev"}"""))).isEqualTo("ticket-not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ?::uuid").param(orderId).query(Long.class)
                .single()).as("a refused transfer changes nothing").isEqualTo(2);

        String key = UUID.randomUUID().toString();
        JsonNode replacement = ok(200, http.post(path, buyer, key, """
                {"recipientEmail":"Friend@Test.Boxoffice.dev"}"""));
        JsonNode retried = ok(200, http.post(path, buyer, key, """
                {"recipientEmail":"Friend@Test.Boxoffice.dev"}"""));
        assertThat(retried.path("id").asString()).isEqualTo(replacement.path("id").asString());
        assertThat(replacement.path("transferredFrom").asString()).isEqualTo(oldId);
        assertThat(replacement.path("holderEmail").asString()).isEqualTo("friend@test.boxoffice.dev");
        assertThat(replacement.path("status").asString()).isEqualTo("VALID");
        assertThat(replacement.path("code").asString()).as("the recipient's code is not the buyer's to see").isEmpty();
        assertThat(replacement.path("qrPayload").asString()).isEmpty();
        assertThat(problem(404, http.get("/api/v1/tickets/" + replacement.path("id").asString() + "/pdf-link", buyer)))
                .as("nor is its PDF: the recipient's QR must not reach the buyer another way").isEqualTo("ticket-not-found");

        JsonNode listed = ok(200, http.get("/api/v1/tickets?orderId=" + orderId, buyer));
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).path("status").asString()).isEqualTo("VOID");
        assertThat(listed.get(0).path("transferredAt").isNull()).isFalse();

        // The old code and QR admit nobody, and say why.
        JsonNode refused = ok(409, http.post("/api/v1/admin/check-ins", organizer, null, """
                {"qrPayload":"%s"}""".formatted(oldQr)));
        assertThat(refused.path("type").asString()).endsWith("/ticket-transferred");
        assertThat(refused.path("ticketId").asString()).isEqualTo(oldId);
        assertThat(problem(409, http.post("/api/v1/admin/check-ins", organizer, null, """
                {"code":"%s"}""".formatted(oldCode)))).isEqualTo("ticket-transferred");
        assertThat(problem(409, http.post(path, buyer, null, """
                {"recipientEmail":"another@test.boxoffice.dev"}"""))).isEqualTo("ticket-transferred");

        // The recipient's ticket came by email (the outbox → notification-service), with a QR that admits once.
        JsonNode announced = JSON.readTree(jdbc.sql("SELECT payload::text FROM outbox_event WHERE type = "
                + "'TicketTransferred' AND event_key = ?").param(replacement.path("id").asString()).query(String.class)
                .single());
        assertThat(announced.path("recipientEmail").asString()).isEqualTo("friend@test.boxoffice.dev");
        assertThat(announced.path("previousTicketId").asString()).isEqualTo(oldId);
        String newQr = announced.path("ticket").path("qrPayload").asString();
        assertThat(newQr).isNotEqualTo(oldQr);
        JsonNode admitted = ok(200, http.post("/api/v1/admin/check-ins", organizer, null, """
                {"qrPayload":"%s"}""".formatted(newQr)));
        assertThat(admitted.path("id").asString()).isEqualTo(replacement.path("id").asString());
        assertThat(problem(409, http.post("/api/v1/tickets/" + replacement.path("id").asString() + "/transfer", buyer,
                null, """
                {"recipientEmail":"third@test.boxoffice.dev"}"""))).as("no transfer after check-in")
                .isEqualTo("ticket-already-checked-in");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'TicketCheckedIn' AND event_key = ?")
                .param(replacement.path("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOrganizerDisablesTransfersOrSetsADeadlineAndAnotherOrganizationSeesNothing() throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = fixture.freeEvent();
        UUID buyerId = UUID.randomUUID();
        Ticket ticket = fixture.ticket(sale, buyerId, 0);
        String organizer = TestTokens.organizer(sale.organizationId());
        String policy = "/api/v1/admin/events/" + sale.event().id() + "/transfer-policy";
        String transfer = "/api/v1/tickets/" + ticket.id() + "/transfer";
        String buyer = TestTokens.buyer(buyerId);

        JsonNode defaults = ok(200, http.get(policy, organizer));
        assertThat(defaults.path("enabled").asBoolean()).isTrue();
        assertThat(defaults.path("deadline").isNull()).isTrue();
        assertThat(problem(404, http.put(policy, TestTokens.organizer(UUID.randomUUID()), """
                {"enabled":false}"""))).isEqualTo("event-not-found");

        ok(200, http.put(policy, organizer, """
                {"enabled":false}"""));
        JsonNode disabled = ok(409, http.post(transfer, buyer, null, """
                {"recipientEmail":"friend@test.boxoffice.dev"}"""));
        assertThat(disabled.path("type").asString()).endsWith("/transfer-not-allowed");
        assertThat(disabled.path("reason").asString()).isEqualTo("DISABLED");

        Instant past = Instant.now().minusSeconds(60);
        ok(200, http.put(policy, organizer, """
                {"enabled":true,"deadline":"%s"}""".formatted(past)));
        JsonNode late = ok(409, http.post(transfer, buyer, null, """
                {"recipientEmail":"friend@test.boxoffice.dev"}"""));
        assertThat(late.path("reason").asString()).isEqualTo("DEADLINE_PASSED");
        assertThat(tickets.get(buyerId, ticket.id()).status()).isEqualTo(TicketStatus.VALID);

        ok(200, http.put(policy, organizer, """
                {"enabled":true,"deadline":"%s"}""".formatted(Instant.now().plusSeconds(3_600))));
        ok(200, http.post(transfer, buyer, null, """
                {"recipientEmail":"friend@test.boxoffice.dev"}"""));
        assertThat(tickets.get(buyerId, ticket.id()).transferredAt()).isNotNull();
    }
}
