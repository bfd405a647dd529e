package org.boxoffice.booking.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.hold.TicketLimitExceeded;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.OrderExpiry;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.booking.ticket.TicketVoid;
import org.boxoffice.booking.ticket.TicketsCheckedIn;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.events.EventConsumers;
import org.boxoffice.platform.events.OutboxRelay;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEvents;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking side of the sale saga on a real PostgreSQL and Redis: payment events are appended to payment-service's
 * stream and consumed through the real bus (consumer group, inbox, ack); booking's own events are published by the
 * real relay and read back from its stream. Relay and consumers are driven by hand so every step is observable.
 */
@IntegrationTest(properties = "boxoffice.events.reclaim-after=300ms")
class SaleSagaIT {

    static final String PAYMENTS = "boxoffice.events.payment-service";
    static final String BOOKING = "boxoffice.events.booking-service";
    static final String EMAIL = "ana@test.boxoffice.dev";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderQueries orders;
    @Autowired
    Cancellations cancellations;
    @Autowired
    OrderExpiry expiry;
    @Autowired
    TicketService tickets;
    @Autowired
    EventConsumers consumers;
    @Autowired
    OutboxRelay relay;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Value("${local.server.port}")
    int port;

    @Test
    void paymentConfirmsTheOrderSellsTheSeatsAndIssuesOneSetOfSignedTicketsHoweverOftenItArrives() throws Exception {
        OnSale sale = fixture().onSale(2, 10, 20, 4, 4);
        UUID buyer = UUID.randomUUID();
        Order order = checkout(buyer, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        UUID paymentId = UUID.randomUUID();

        String eventId = paymentSucceeded(order, paymentId);
        redeliver(eventId);
        paymentSucceeded(order, paymentId);
        drain();

        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(seatStatuses(sale)).containsEntry("SOLD", 2L).doesNotContainKey("HELD");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ?").param(order.id()).query(Long.class)
                .single()).as("one set of tickets").isEqualTo(2);
        List<JsonNode> confirmed = published("OrderConfirmed", sale);
        assertThat(confirmed).hasSize(1);
        JsonNode payload = confirmed.getFirst();
        assertThat(payload.path("buyerEmail").asString()).isEqualTo(EMAIL);
        assertThat(payload.path("venueName").asString()).isEqualTo("Fixture Hall");
        assertThat(payload.path("totalMinor").asLong()).isEqualTo(9_000);
        assertThat(payload.path("tickets")).hasSize(2);
        assertThat(payload.path("tickets").get(0).path("row").asString()).isEqualTo("1");
        assertThat(payload.path("tickets").get(0).path("qrPayload").asString()).startsWith("BX1.");
        assertThat(published("HoldPlaced", sale)).hasSize(1);
        assertThat(published("OrderPlaced", sale)).hasSize(1);
        assertThat(published("EventPublished", sale)).singleElement().satisfies(published -> assertThat(
                published.path("capacity").asInt()).as("2 rows of 10 seats and a 20-place area").isEqualTo(40));
        assertThat(published("RefundRequested", sale)).as("the same payment twice is not a second payment").isEmpty();

        String token = TestTokens.buyer(buyer);
        JsonNode tickets = ok(200, get("/api/v1/tickets?orderId=" + order.id(), token));
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).path("status").asString()).isEqualTo("VALID");
        String ticketId = tickets.get(0).path("id").asString();
        assertThat(ok(200, get("/api/v1/tickets/" + ticketId, token)).path("qrPayload").asString())
                .isEqualTo(tickets.get(0).path("qrPayload").asString());
        assertThat(get("/api/v1/tickets/" + ticketId, TestTokens.buyer()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/tickets?orderId=" + order.id(), TestTokens.buyer()).statusCode()).isEqualTo(404);

        UUID refundId = UUID.randomUUID();
        String partial = append("RefundSucceeded", order.id(), Map.of("refundId", refundId, "paymentId", paymentId,
                "orderId", order.id(), "amountMinor", 1_000, "currency", "EUR", "reason", "goodwill"));
        append("RefundSucceeded", order.id(), Map.of("refundId", refundId, "paymentId", paymentId,
                "orderId", order.id(), "amountMinor", 1_000, "currency", "EUR", "reason", "goodwill"));
        redeliver(partial);
        drain();
        assertThat(status(order)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("SELECT refunded_minor FROM purchase_order WHERE id = ?").param(order.id())
                .query(Long.class).single()).as("one refund counted once").isEqualTo(1_000);
        assertThat(ok(200, get("/api/v1/tickets/" + ticketId, token)).path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void aFailedPaymentGivesTheTicketsBackForOthersToHold() {
        OnSale sale = fixture().onSale(1, 4, 5, 5, 5);
        UUID buyer = UUID.randomUUID();
        Order order = checkout(buyer, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 5));

        append("PaymentFailed", order.id(), Map.of("paymentId", UUID.randomUUID(), "orderId", order.id(),
                "buyerId", buyer, "reason", "card_declined"));
        drain();

        assertThat(status(order)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT sum(held + sold)::int FROM event_area WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).isZero();
        Hold again = holds.hold(buyer, EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(),
                5));
        assertThat(again.quantity()).as("the buyer's allowance came back too").isEqualTo(5);
    }

    @Test
    void aPaymentTheProviderNeverTookKeepsTheOrderPayableAndASecondPaymentConfirmsIt() {
        OnSale sale = fixture().onSale(1, 4, 5, 5, 5);
        UUID buyer = UUID.randomUUID();
        Order order = checkout(buyer, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 2));

        append("PaymentFailed", order.id(), Map.of("paymentId", UUID.randomUUID(), "orderId", order.id(),
                "buyerId", buyer, "reason", "provider_unavailable", "retryable", true));
        drain();

        assertThat(status(order)).as("nothing was charged: the buyer may pay again").isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.sql("SELECT sum(held)::int FROM event_area WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).as("the seats stay held for the buyer").isEqualTo(2);

        paymentSucceeded(order, UUID.randomUUID());
        drain();
        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(published("RefundRequested", sale)).isEmpty();
    }

    @Test
    void aPaymentAfterExpiryRetakesTheSameSeatsWhenTheyAreStillFree() {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4);
        Order order = checkout(UUID.randomUUID(), new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        expire(order);
        assertThat(status(order)).isEqualTo("EXPIRED");
        assertThat(seatStatuses(sale)).doesNotContainKeys("HELD", "SOLD");

        paymentSucceeded(order, UUID.randomUUID());
        drain();

        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE hold_id = ? AND status = 'SOLD' AND seat_id = ANY(?)")
                .params(order.purchase().holdId(), sale.seatIds(0, 2).toArray(UUID[]::new)).query(Long.class).single())
                .as("the very same seats").isEqualTo(2);
        assertThat(published("OrderExpired", sale)).hasSize(1);
        assertThat(published("OrderConfirmed", sale)).hasSize(1);
        assertThat(published("RefundRequested", sale)).isEmpty();
    }

    @Test
    void aPaymentAfterExpiryWhoseSeatsWereResoldIsCancelledAndRefundedInFull() {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4);
        Order order = checkout(UUID.randomUUID(), new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        expire(order);
        Hold other = holds.hold(UUID.randomUUID(), "other@test.boxoffice.dev",
                new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(1, 1)));
        UUID paymentId = UUID.randomUUID();

        paymentSucceeded(order, paymentId);
        drain();

        Map<String, Object> row = jdbc.sql("SELECT status, cancel_reason, payment_id FROM purchase_order WHERE id = ?")
                .param(order.id()).query().singleRow();
        assertThat(row).containsEntry("status", "CANCELLED").containsEntry("cancel_reason", "PAID_AFTER_EXPIRY")
                .containsEntry("payment_id", paymentId);
        assertThat(jdbc.sql("SELECT hold_id FROM event_seat WHERE seat_id = ?").param(sale.seatIds(1, 1).getFirst())
                .query(UUID.class).single()).as("the other buyer keeps the seat").isEqualTo(other.id());
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND hold_id = ?")
                .params(sale.event().id(), order.purchase().holdId()).query(Long.class).single())
                .as("nothing of the partial re-take stays").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ?").param(order.id()).query(Long.class)
                .single()).isZero();
        List<JsonNode> refunds = published("RefundRequested", sale);
        assertThat(refunds).hasSize(1);
        assertThat(refunds.getFirst().path("orderId").asString()).isEqualTo(order.id().toString());
        assertThat(refunds.getFirst().path("amountMinor").isNull()).as("null = everything captured").isTrue();
        assertThat(refunds.getFirst().path("reason").asString()).isEqualTo("PAID_AFTER_EXPIRY");
        JsonNode cancelled = published("OrderCancelled", sale).getFirst();
        assertThat(cancelled.path("reason").asString()).isEqualTo("PAID_AFTER_EXPIRY");
        assertThat(cancelled.path("refundMinor").asLong()).isEqualTo(9_000);
    }

    @Test
    void aBuyerCancelsInsideTheRefundWindowOnceHoweverOftenTheyRetryAndNotAfterIt() throws Exception {
        OnSale open = fixture().onSale(1, 10, 10, 4, 4, Duration.ofHours(24));
        UUID buyer = UUID.randomUUID();
        String token = TestTokens.buyer(buyer);
        Order order = paid(buyer, open, 0, 2);

        HttpResponse<String> first = post("/api/v1/orders/" + order.id() + "/cancel", token, "cancel-1", "");
        HttpResponse<String> retry = post("/api/v1/orders/" + order.id() + "/cancel", token, "cancel-1", "");

        assertThat(ok(200, first).path("status").asString()).isEqualTo("REFUND_REQUESTED");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(seatStatuses(open)).doesNotContainKeys("HELD", "SOLD");
        assertThat(ok(200, get("/api/v1/tickets?orderId=" + order.id(), token)).valueStream()
                .map(t -> t.path("status").asString())).containsOnly("VOID");
        assertThat(published("RefundRequested", open)).hasSize(1);
        JsonNode cancelled = published("OrderCancelled", open).getFirst();
        assertThat(cancelled.path("reason").asString()).isEqualTo("BUYER");
        assertThat(cancelled.path("refundMinor").asLong()).isEqualTo(9_000);
        assertThat(post("/api/v1/orders/" + order.id() + "/cancel", TestTokens.buyer(), null, "").statusCode())
                .isEqualTo(404);

        append("RefundSucceeded", order.id(), Map.of("refundId", UUID.randomUUID(), "paymentId",
                java.util.Objects.requireNonNull(order.settlement().paymentId()),
                "orderId", order.id(), "amountMinor", 9_000, "currency", "EUR", "reason", "BUYER"));
        drain();
        assertThat(status(order)).isEqualTo("REFUNDED");

        OnSale closed = fixture().onSale(1, 10, 10, 4, 4, Duration.ofHours(72));
        Order late = paid(buyer, closed, 0, 1);
        HttpResponse<String> refused = post("/api/v1/orders/" + late.id() + "/cancel", token, "cancel-2", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("type").asString()).endsWith("/refund-window-closed");
        assertThat(json.readTree(refused.body()).path("refundableUntil").asString()).isNotBlank();
        assertThat(status(late)).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingAnEventRefundsEveryPaidOrderCancelsPendingOnesAndReleasesHolds() throws Exception {
        OnSale sale = fixture().onSale(2, 10, 10, 4, 8);
        Order paidOne = paid(UUID.randomUUID(), sale, 0, 2);
        Order paidTwo = paid(UUID.randomUUID(), sale, 2, 2);
        Order pending = checkout(UUID.randomUUID(), new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(4,
                1)));
        Hold active = holds.hold(UUID.randomUUID(), EMAIL, new HoldRequest.SpecificSeats(sale.event().id(),
                sale.seatIds(5, 1)));

        ok(200, post("/api/v1/admin/events/" + sale.event().id() + "/cancel",
                TestTokens.organizer(sale.organizationId()),
                null, ""));

        assertThat(status(paidOne)).isEqualTo("REFUND_REQUESTED");
        assertThat(status(paidTwo)).isEqualTo("REFUND_REQUESTED");
        assertThat(status(pending)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT status FROM hold WHERE id = ?").param(active.id()).query(String.class).single())
                .isEqualTo("RELEASED");
        assertThat(seatStatuses(sale)).doesNotContainKeys("HELD", "SOLD");
        assertThat(published("RefundRequested", sale)).extracting(r -> r.path("orderId").asString())
                .containsExactlyInAnyOrder(paidOne.id().toString(), paidTwo.id().toString());
        assertThat(published("OrderCancelled", sale)).extracting(r -> r.path("reason").asString())
                .containsOnly("EVENT_CANCELLED").hasSize(3);
        assertThat(published("HoldReleased", sale)).extracting(r -> r.path("reason").asString()).containsExactly("ORGANIZER");
        assertThat(published("EventCancelled", sale)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE event_id = ? AND status = 'VALID'")
                .param(sale.event().id()).query(Long.class).single()).isZero();
    }

    @Test
    void aTicketIsAdmittedOnceAForgedOneIsRefusedAndAnotherOrganizationSeesNothing() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4, Duration.ofHours(1));
        UUID buyer = UUID.randomUUID();
        Order order = paid(buyer, sale, 0, 2);
        List<JsonNode> tickets = ok(200, get("/api/v1/tickets?orderId=" + order.id(), TestTokens.buyer(buyer)))
                .valueStream().toList();
        String door = TestTokens.organizer(sale.organizationId());
        String qr = tickets.get(0).path("qrPayload").asString();

        JsonNode admitted = ok(200, post("/api/v1/admin/check-ins", door, null, checkIn("qrPayload", qr)));
        HttpResponse<String> again = post("/api/v1/admin/check-ins", door, null, checkIn("qrPayload", qr));
        HttpResponse<String> byCode = post("/api/v1/admin/check-ins", door, null,
                checkIn("code", tickets.get(0).path("code").asString()));

        assertThat(admitted.path("checkedInAt").asString()).isNotBlank();
        assertProblem(again, 409, "ticket-already-checked-in");
        assertThat(json.readTree(again.body()).path("checkedInAt").asString()).isNotBlank();
        assertProblem(byCode, 409, "ticket-already-checked-in");
        String forged = qr.substring(0,
                qr.lastIndexOf('.') - 1) + (qr.charAt(qr.lastIndexOf('.') - 1) == 'A' ? 'B' : 'A')
                + qr.substring(qr.lastIndexOf('.'));
        assertProblem(post("/api/v1/admin/check-ins", door, null, checkIn("qrPayload", forged)), 400,
                "invalid-ticket-signature");
        assertProblem(post("/api/v1/admin/check-ins", door, null, checkIn("qrPayload", "not a ticket")), 400,
                "invalid-ticket-signature");
        assertProblem(post("/api/v1/admin/check-ins", door, null, "{}"), 400, "validation-failed");
        String second = tickets.get(1).path("qrPayload").asString();
        assertProblem(post("/api/v1/admin/check-ins", TestTokens.organizer(UUID.randomUUID()), null,
                checkIn("qrPayload", second)), 404, "ticket-not-found");
        assertThat(published("TicketCheckedIn", sale)).hasSize(1);

        assertProblem(post("/api/v1/admin/events/" + sale.event().id() + "/orders/" + order.id() + "/cancel", door,
                null, ""), 409, "tickets-checked-in");
        ok(200, post("/api/v1/admin/events/" + sale.event().id() + "/orders/" + order.id()
                + "/cancel?includeCheckedIn=true", door, null, ""));
        assertProblem(post("/api/v1/admin/check-ins", door, null, checkIn("qrPayload", second)), 409, "ticket-void");
    }

    // --- Money rules (issue #20, findings 6, 7, 8, 12)

    @Test
    void aLatePaymentNeverTakesTheBuyerOverThePerBuyerLimitItIsRefundedInstead() {
        OnSale sale = fixture().onSale(1, 10, 10, 2, 2);
        UUID buyer = UUID.randomUUID();
        Order expired = checkout(buyer, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        expire(expired);
        Order second = paid(buyer, sale, 2, 2);

        paymentSucceeded(expired, UUID.randomUUID());
        drain();

        assertThat(jdbc.sql("SELECT status, cancel_reason FROM purchase_order WHERE id = ?").param(expired.id())
                .query().singleRow()).containsEntry("status", "CANCELLED")
                .containsEntry("cancel_reason", "PAID_AFTER_EXPIRY");
        assertThat(status(second)).isEqualTo("CONFIRMED");
        assertThat(ticketsOfBuyer(sale, buyer)).as("the limit of 2, not 4").isEqualTo(2);
        assertThat(allowance(sale, buyer)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND seat_id = ANY(?) AND status = 'AVAILABLE'")
                .params(sale.event().id(), sale.seatIds(0, 2).toArray(UUID[]::new)).query(Long.class).single())
                .as("the late order's seats stay on sale").isEqualTo(2);
        assertThat(published("RefundRequested", sale)).singleElement().satisfies(refund -> {
            assertThat(refund.path("orderId").asString()).isEqualTo(expired.id().toString());
            assertThat(refund.path("reason").asString()).isEqualTo("PAID_AFTER_EXPIRY");
        });
    }

    @Test
    void aLatePaymentRacingTheBuyersNewHoldsLeavesTheBuyerWithinTheLimit() throws Exception {
        OnSale sale = fixture().onSale(2, 10, 10, 2, 2);
        UUID buyer = UUID.randomUUID();
        Order expired = checkout(buyer, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        expire(expired);
        paymentSucceeded(expired, UUID.randomUUID());

        var outcomes = Concurrently.run(9, i -> {
            if (i == 0) {
                drain();
                return null;
            }
            return holds.hold(buyer, EMAIL, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(2 * i, 2)));
        });

        long holdsWon = outcomes.stream().skip(1).filter(Concurrently.Outcome::succeeded).count();
        assertThat(outcomes.getFirst().succeeded()).isTrue();
        assertThat(outcomes.stream().skip(1).filter(o -> !o.succeeded()).map(Concurrently.Outcome::failure))
                .allMatch(TicketLimitExceeded.class::isInstance);
        String late = status(expired);
        assertThat(late.equals("CONFIRMED") ? holdsWon == 0 : late.equals("CANCELLED") && holdsWon == 1)
                .as("exactly one of the late payment (%s) and %d new holds got the buyer's 2 tickets", late, holdsWon)
                .isTrue();
        assertThat(ticketsOfBuyer(sale, buyer)).isEqualTo(2);
        assertThat(allowance(sale, buyer)).isEqualTo(2);
    }

    @Test
    void cancellingAnEventRefundsWhatIsLeftOfAPartlyRefundedOrderAndVoidsItsTickets() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4);
        Order order = paid(UUID.randomUUID(), sale, 0, 2);
        refunded(order, 1_000);
        assertThat(status(order)).isEqualTo("PARTIALLY_REFUNDED");

        ok(200, post("/api/v1/admin/events/" + sale.event().id() + "/cancel",
                TestTokens.organizer(sale.organizationId()),
                null, ""));

        assertThat(status(order)).isEqualTo("REFUND_REQUESTED");
        assertThat(published("RefundRequested", sale)).singleElement().satisfies(refund -> {
            assertThat(refund.path("orderId").asString()).isEqualTo(order.id().toString());
            assertThat(refund.path("amountMinor").isNull()).as("all that is still refundable").isTrue();
        });
        assertThat(published("OrderCancelled", sale)).singleElement()
                .satisfies(cancelled -> assertThat(cancelled.path("refundMinor").asLong()).isEqualTo(8_000));
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ? AND status = 'VALID'").param(order.id())
                .query(Long.class).single()).isZero();
        assertThat(seatStatuses(sale)).doesNotContainKeys("HELD", "SOLD");

        refunded(order, 8_000);
        assertThat(status(order)).isEqualTo("REFUNDED");
    }

    @Test
    void aBuyerCancelsAPartlyRefundedOrderForTheRestButAPartialRefundOfACancelledOneKeepsItWaiting() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4, Duration.ofHours(1));
        UUID buyer = UUID.randomUUID();
        Order order = paid(buyer, sale, 0, 2);
        refunded(order, 1_000);

        JsonNode cancelled = ok(200, post("/api/v1/orders/" + order.id() + "/cancel", TestTokens.buyer(buyer), null, ""));

        assertThat(cancelled.path("status").asString()).isEqualTo("REFUND_REQUESTED");
        assertThat(published("OrderCancelled", sale)).singleElement()
                .satisfies(event -> assertThat(event.path("refundMinor").asLong()).isEqualTo(8_000));
        refunded(order, 3_000);
        assertThat(status(order)).as("still awaiting the rest").isEqualTo("REFUND_REQUESTED");
        refunded(order, 5_000);
        assertThat(status(order)).isEqualTo("REFUNDED");
    }

    @Test
    void aBuyerCannotCancelOrBeRefundedForAnOrderWhoseTicketWasUsedAtTheDoor() throws Exception {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4, Duration.ofHours(1));
        UUID buyer = UUID.randomUUID();
        Order order = paid(buyer, sale, 0, 2);
        String token = TestTokens.buyer(buyer);
        JsonNode ticket = ok(200, get("/api/v1/tickets?orderId=" + order.id(), token)).get(0);
        ok(200, post("/api/v1/admin/check-ins", TestTokens.organizer(sale.organizationId()), null,
                checkIn("code", ticket.path("code").asString())));

        HttpResponse<String> refused = post("/api/v1/orders/" + order.id() + "/cancel", token, "cancel-used", "");

        assertProblem(refused, 409, "tickets-checked-in");
        assertThat(json.readTree(refused.body()).path("checkedIn").asInt()).isEqualTo(1);
        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(ok(200, get("/api/v1/tickets?orderId=" + order.id(), token)).valueStream()
                .map(t -> t.path("status").asString())).containsOnly("VALID");
        assertThat(seatStatuses(sale)).containsEntry("SOLD", 2L);
        assertThat(published("RefundRequested", sale)).isEmpty();
    }

    @Test
    void aCheckInAndTheBuyersCancellationRacingNeverBothSucceed() throws Exception {
        OnSale sale = fixture().onSale(2, 10, 10, 4, 4, Duration.ofHours(1));
        List<Order> paidOrders = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Order order = paid(UUID.randomUUID(), sale, i, 1);
            paidOrders.add(order);
            codes.add(jdbc.sql("SELECT code FROM ticket WHERE order_id = ?").param(order.id()).query(String.class)
                    .single());
        }

        var outcomes = Concurrently.run(24, i -> i % 2 == 0
                ? tickets.checkIn(BookingFixture.ANY_ORGANIZATION, codes.get(i / 2), null)
                : cancellations.cancelByBuyer(paidOrders.get(i / 2).purchase().buyerId(), paidOrders.get(i / 2).id()));

        for (int n = 0; n < paidOrders.size(); n++) {
            var checkIn = outcomes.get(2 * n);
            var cancel = outcomes.get(2 * n + 1);
            Map<String, Object> ticket = jdbc.sql("SELECT status, checked_in_at FROM ticket WHERE order_id = ?")
                    .param(paidOrders.get(n).id()).query().singleRow();
            assertThat(checkIn.succeeded() ^ cancel.succeeded()).as("order %d: exactly one wins", n).isTrue();
            if (checkIn.succeeded()) {
                assertThat(cancel.failure()).isInstanceOf(TicketsCheckedIn.class);
                assertThat(status(paidOrders.get(n))).isEqualTo("CONFIRMED");
                assertThat(ticket.get("status")).isEqualTo("VALID");
            } else {
                assertThat(checkIn.failure()).isInstanceOf(TicketVoid.class);
                assertThat(status(paidOrders.get(n))).isEqualTo("REFUND_REQUESTED");
                assertThat(ticket).containsEntry("status", "VOID").containsEntry("checked_in_at", null);
            }
        }
        long cancelled = outcomes.stream().filter(o -> o.succeeded() && o.value() instanceof Order).count();
        assertThat(published("RefundRequested", sale)).as("a refund for each cancellation that won, only")
                .hasSize((int) cancelled);
    }

    @Test
    void aFreeOrderIsConfirmedAtCheckoutWithoutAPaymentAndCancelledWithoutARefund() throws Exception {
        OnSale sale = fixture().free(1, 10, 10, 4, 4);
        UUID buyer = UUID.randomUUID();
        String token = TestTokens.buyer(buyer);
        Hold hold = holds.hold(buyer, EMAIL, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));

        JsonNode order = ok(201, post("/api/v1/orders", token, "free-1", "{\"holdId\":\"" + hold.id() + "\"}"));

        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.path("totalMinor").asLong()).isZero();
        UUID orderId = UUID.fromString(order.path("id").asString());
        assertThat(ok(200, get("/api/v1/tickets?orderId=" + orderId, token))).hasSize(2);
        assertThat(seatStatuses(sale)).containsEntry("SOLD", 2L);
        assertThat(published("OrderConfirmed", sale)).singleElement()
                .satisfies(confirmed -> assertThat(confirmed.path("totalMinor").asLong()).isZero());

        JsonNode cancelled = ok(200, post("/api/v1/orders/" + orderId + "/cancel", token, "free-cancel", ""));

        assertThat(cancelled.path("status").asString()).as("nothing to refund, nothing to wait for")
                .isEqualTo("CANCELLED");
        assertThat(published("RefundRequested", sale)).isEmpty();
        assertThat(published("OrderCancelled", sale)).singleElement()
                .satisfies(event -> assertThat(event.path("refundMinor").asLong()).isZero());
        assertThat(seatStatuses(sale)).doesNotContainKeys("HELD", "SOLD");
    }

    @Test
    void aPaymentEventTakenByAConsumerThatDiedIsReclaimedAndTakesEffectOnce() {
        OnSale sale = fixture().onSale(1, 10, 10, 4, 4);
        Order order = checkout(UUID.randomUUID(), new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        drain();
        paymentSucceeded(order, UUID.randomUUID());
        var stolen = redis.opsForStream().read(Consumer.from("booking-service", "replica-that-died"),
                StreamReadOptions.empty().count(10), StreamOffset.create(PAYMENTS, ReadOffset.lastConsumed()));
        assertThat(stolen).hasSize(1);
        assertThat(consumers.pollOnce(PAYMENTS)).as("not idle long enough to reclaim yet").isZero();
        assertThat(status(order)).isEqualTo("PENDING_PAYMENT");

        await().atMost(Duration.ofSeconds(10)).until(() -> consumers.pollOnce(PAYMENTS) == 1);
        drain();

        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE order_id = ?").param(order.id()).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(redis.opsForStream().pending(PAYMENTS, "booking-service").getTotalPendingMessages()).isZero();
    }

    /** The consumer group the service would create at start-up (its background readers are off in tests). */
    @BeforeEach
    void consumerGroup() {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands().xGroupCreate(
                    PAYMENTS.getBytes(StandardCharsets.UTF_8), "booking-service", ReadOffset.from("0"), true));
        } catch (RuntimeException exists) {
            // BUSYGROUP: created by an earlier test of this class
        }
    }

    // --- helpers

    private BookingFixture fixture() {
        return new BookingFixture(venues, events);
    }

    private Order checkout(UUID buyer, HoldRequest request) {
        Hold hold = holds.hold(buyer, EMAIL, request);
        return checkout.checkout(buyer, hold.id());
    }

    private Order paid(UUID buyer, OnSale sale, int from, int count) {
        Order order = checkout(buyer, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(from, count)));
        paymentSucceeded(order, UUID.randomUUID());
        drain();
        assertThat(status(order)).isEqualTo("CONFIRMED");
        return orders.get(buyer, order.id());
    }

    private void refunded(Order order, long amountMinor) {
        append("RefundSucceeded", order.id(), Map.of("refundId", UUID.randomUUID(), "paymentId",
                java.util.Objects.requireNonNull(orders.get(order.purchase().buyerId(), order.id()).settlement().paymentId()), "orderId",
                order.id(), "amountMinor", amountMinor, "currency", "EUR", "reason", "goodwill"));
        drain();
    }

    /** Tickets the buyer holds or bought for the event: seats held or sold under their holds, plus GA places. */
    private long ticketsOfBuyer(OnSale sale, UUID buyer) {
        return jdbc.sql("""
                SELECT count(*) FROM event_seat s JOIN hold h ON h.id = s.hold_id
                 WHERE s.event_id = ? AND h.buyer_id = ? AND s.status IN ('HELD', 'SOLD')""")
                .params(sale.event().id(), buyer).query(Long.class).single();
    }

    private int allowance(OnSale sale, UUID buyer) {
        return jdbc.sql("SELECT tickets FROM buyer_allowance WHERE event_id = ? AND buyer_id = ?")
                .params(sale.event().id(), buyer).query(Integer.class).single();
    }

    private void expire(Order order) {
        jdbc.sql("UPDATE purchase_order SET payment_due = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), order.id()).update();
        expiry.expireOverdue(100);
    }

    private String paymentSucceeded(Order order, UUID paymentId) {
        return append("PaymentSucceeded", order.id(), Map.of("paymentId", paymentId, "orderId", order.id(),
                "buyerId", order.purchase().buyerId(), "amountMinor", order.bill().totalMinor(), "currency", "EUR",
                "succeededAt", Instant.now().toString()));
    }

    /** Appends a payment-service event the way its relay does: one stream entry with the signed envelope's fields. */
    private String append(String type, UUID key, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(redis, id, "payment-service", type, key.toString(), json.writeValueAsString(payload));
        return id.toString();
    }

    /** The same entry a second time: what a relay that died before committing does. */
    private void redeliver(String eventId) {
        var original = redis.opsForStream().range(PAYMENTS, Range.unbounded()).stream()
                .filter(entry -> eventId.equals(entry.getValue().get("id"))).findFirst().orElseThrow();
        redis.opsForStream().add(StreamRecords.mapBacked(original.getValue()).withStreamKey(PAYMENTS));
    }

    private void drain() {
        while (consumers.pollOnce(PAYMENTS) > 0) {
            // until the group has nothing new
        }
    }

    /** Payloads of booking's published events of one type about one event (or its orders), in stream order. */
    private List<JsonNode> published(String type, OnSale sale) {
        String eventId = sale.event().id().toString();
        List<String> orderIds = jdbc.sql("SELECT id::text FROM purchase_order WHERE event_id = ?")
                .param(sale.event().id()).query(String.class).list();
        while (relay.publishBatch() > 0) {
            // everything committed so far goes out
        }
        List<JsonNode> payloads = new ArrayList<>();
        redis.opsForStream().range(BOOKING, Range.unbounded()).forEach(entry -> {
            if (type.equals(entry.getValue().get("type"))) {
                JsonNode payload = json.readTree((String) entry.getValue().get("payload"));
                if (eventId.equals(payload.path("eventId").asString(""))
                        || orderIds.contains(payload.path("orderId").asString(""))) {
                    payloads.add(payload);
                }
            }
        });
        return payloads;
    }

    private String status(Order order) {
        return jdbc.sql("SELECT status FROM purchase_order WHERE id = ?").param(order.id()).query(String.class).single();
    }

    private Map<String, Long> seatStatuses(OnSale sale) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) FROM event_seat WHERE event_id = ? GROUP BY status").param(sale.event().id())
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static String checkIn(String field, String value) {
        return "{\"" + field + "\":\"" + value + "\"}";
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/" + slug);
    }

    private JsonNode ok(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
