package org.boxoffice.booking.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderExpiry;
import org.boxoffice.booking.order.OrderStatus;
import org.boxoffice.booking.order.PaymentOutcomes;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Promo and access codes on a real PostgreSQL and Redis (docs/commerce.md): the organizer's endpoints, a discount at
 * checkout, the pre-sale, every refusal, N uses redeemed exactly N times by racing buyers, and a use given back
 * exactly once when its hold or order ends, however often the ending is repeated.
 */
@IntegrationTest
class PromoCodeIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EMAIL = "buyer@test.boxoffice.dev";

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    PromoCodeService codes;
    @Autowired
    CodeRedemption redemption;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    Cancellations cancellations;
    @Autowired
    OrderExpiry expiry;
    @Autowired
    PaymentOutcomes payments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    BookingFixture fixture() {
        return new BookingFixture(venues, events);
    }

    PromoCode code(OnSale sale, CodeSpec spec) {
        return codes.create(BookingFixture.ANY_ORGANIZATION, sale.event().id(), spec);
    }

    static CodeSpec discount(String code, int percentOff, Integer maxUses, Integer perBuyer) {
        return new CodeSpec(code, CodeKind.DISCOUNT, percentOff, null, List.of(), List.of(), maxUses, perBuyer, null,
                null);
    }

    @Test
    void theOrganizerCreatesListsUpdatesAndDisablesCodesAndAnotherOrganizationSeesNone() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        String organizer = TestTokens.organizer(sale.organizationId());
        String base = "/api/v1/admin/events/" + sale.event().id() + "/codes";

        JsonNode created = ok(201, post(base, organizer, UUID.randomUUID().toString(), """
                {"code":"early-bird","kind":"DISCOUNT","percentOff":20,"tierNames":["Stalls"],"maxUses":100,
                 "maxUsesPerBuyer":2,"validUntil":"%s"}""".formatted(Instant.now().plus(Duration.ofDays(1)))));
        assertThat(created.path("code").asString()).isEqualTo("EARLY-BIRD");
        assertThat(created.path("enabled").asBoolean()).isTrue();
        assertThat(created.path("uses").asInt()).isZero();
        String codeId = created.path("id").asString();
        ok(201, post(base, organizer, null, """
                {"code":"FANCLUB","kind":"ACCESS","sectionIds":["%s"],"maxUses":500}""".formatted(sale.floor().id())));

        assertThat(ok(200, get(base, organizer)).path("items").valueStream().map(c -> c.path("code").asString()))
                .containsExactly("EARLY-BIRD", "FANCLUB");
        JsonNode updated = ok(200, put(base + "/" + codeId, organizer, """
                {"code":"EARLY-BIRD","kind":"DISCOUNT","amountOffMinor":500,"maxUses":50}"""));
        assertThat(updated.path("amountOffMinor").asLong()).isEqualTo(500);
        assertThat(updated.path("percentOff").isNull()).isTrue();
        assertThat(updated.path("tierNames").isEmpty()).isTrue();
        assertThat(ok(200, post(base + "/" + codeId + "/disable", organizer, null, "")).path("enabled").asBoolean())
                .isFalse();
        assertThat(ok(200, get(base + "/" + codeId, organizer)).path("enabled").asBoolean()).isFalse();
        assertThat(ok(200, post(base + "/" + codeId + "/enable", organizer, null, "")).path("enabled").asBoolean())
                .isTrue();

        assertThat(problem(409, post(base, organizer, null, """
                {"code":"Early-Bird","kind":"DISCOUNT","percentOff":5}"""))).isEqualTo("duplicate-code");
        assertThat(problem(422, post(base, organizer, null, """
                {"code":"BOTH","kind":"DISCOUNT","percentOff":5,"amountOffMinor":100}"""))).isEqualTo("invalid-code");
        assertThat(problem(422, put(base + "/" + codeId, organizer, """
                {"code":"RENAMED","kind":"DISCOUNT","percentOff":5}"""))).isEqualTo("invalid-code");

        String stranger = TestTokens.organizer(UUID.randomUUID());
        assertThat(get(base, stranger).statusCode()).isEqualTo(404);
        assertThat(get(base + "/" + codeId, stranger).statusCode()).isEqualTo(404);
        assertThat(post(base + "/" + codeId + "/disable", stranger, null, "").statusCode()).isEqualTo(404);
        assertThat(post(base, stranger, null, """
                {"code":"MINE","kind":"DISCOUNT","percentOff":5}""").statusCode()).isEqualTo(404);
        assertThat(ok(200, get(base + "/" + codeId, organizer)).path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aBuyerChecksOutWithACodeAndTheOrderShowsTheCodeAndItsDiscountLines() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        PromoCode code = code(sale, discount("SUMMER10", 10, 5, null));
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        JsonNode hold = ok(201, post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":2}}"""
                .formatted(sale.event().id(), sale.floor().id())));
        String key = UUID.randomUUID().toString();
        String body = """
                {"holdId":"%s","promoCode":"summer10"}""".formatted(hold.path("id").asString());

        JsonNode order = ok(201, post("/api/v1/orders", buyer, key, body));
        JsonNode retried = ok(201, post("/api/v1/orders", buyer, key, body));

        assertThat(retried.path("id").asString()).isEqualTo(order.path("id").asString());
        assertThat(order.path("promoCode").asString()).isEqualTo("SUMMER10");
        assertThat(order.path("subtotalMinor").asLong()).isEqualTo(5_000);
        assertThat(order.path("discountMinor").asLong()).isEqualTo(500);
        assertThat(order.path("totalMinor").asLong()).isEqualTo(4_500);
        assertThat(order.path("lines").get(0).path("discountMinor").asLong()).isEqualTo(500);
        JsonNode line = order.path("discounts").get(0);
        assertThat(line.path("code").asString()).isEqualTo("SUMMER10");
        assertThat(line.path("line").asInt()).isZero();
        assertThat(line.path("amountMinor").asLong()).isEqualTo(500);
        assertThat(ok(200, get("/api/v1/orders/" + order.path("id").asString(), buyer)).path("totalMinor").asLong())
                .isEqualTo(4_500);
        assertThat(uses(code)).isEqualTo(1);
        JsonNode placed = announced("OrderPlaced", order.path("id").asString());
        assertThat(placed.path("promoCodeId").asString()).isEqualTo(code.id().toString());
        assertThat(placed.path("promoCode").asString()).isEqualTo("SUMMER10");
    }

    @Test
    void aConfirmedOrderAnnouncesItsCodeAndDiscountAndAnOrderWithoutACodeAnnouncesNone() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        PromoCode code = code(sale, discount("GUEST", 100, null, null));
        UUID buyer = UUID.randomUUID();

        Order free = checkout.checkout(buyer, holds.hold(buyer, EMAIL, area(sale, 2)).id(), "guest");
        Order plain = checkout.checkout(buyer, holds.hold(buyer, EMAIL, area(sale, 1)).id(), null);

        assertThat(free.status()).isEqualTo(OrderStatus.CONFIRMED);
        JsonNode confirmed = announced("OrderConfirmed", free.id().toString());
        assertThat(confirmed.path("promoCodeId").asString()).isEqualTo(code.id().toString());
        assertThat(confirmed.path("promoCode").asString()).isEqualTo("GUEST");
        assertThat(confirmed.path("discountMinor").asLong()).isEqualTo(5_000);
        JsonNode placed = announced("OrderPlaced", plain.id().toString());
        assertThat(placed.path("promoCodeId").isNull()).isTrue();
        assertThat(placed.path("promoCode").isNull()).isTrue();
    }

    @Test
    void aCodeThatCannotBeUsedGetsAProblemNamingWhyAndTheHoldStaysActive() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        Instant now = Instant.now();
        code(sale, new CodeSpec("OLD", CodeKind.DISCOUNT, 10, null, List.of(), List.of(), null, null,
                now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
        code(sale, new CodeSpec("LATER", CodeKind.DISCOUNT, 10, null, List.of(), List.of(), null, null,
                now.plus(Duration.ofDays(1)), null));
        PromoCode off = code(sale, discount("OFF", 10, null, null));
        codes.disable(BookingFixture.ANY_ORGANIZATION, sale.event().id(), off.id());
        code(sale, new CodeSpec("STALLSONLY", CodeKind.DISCOUNT, 10, null, List.of(sale.stalls().id()), List.of(),
                null, null, null, null));
        code(sale, new CodeSpec("PRESALE", CodeKind.ACCESS, null, null, List.of(), List.of(), null, null, null,
                null));
        code(sale, discount("ONCE", 10, 1, null));
        code(sale, discount("ONEEACH", 10, 5, 1));
        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        String holdId = ok(201, post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":1}}"""
                .formatted(sale.event().id(), sale.floor().id()))).path("id").asString();

        assertThat(checkoutProblem(buyer, holdId, "NOPE", 422)).isEqualTo("unknown-code");
        assertThat(checkoutProblem(buyer, holdId, "old", 422)).isEqualTo("code-expired");
        assertThat(checkoutProblem(buyer, holdId, "LATER", 422)).isEqualTo("code-not-yet-valid");
        assertThat(checkoutProblem(buyer, holdId, "OFF", 422)).isEqualTo("code-disabled");
        assertThat(checkoutProblem(buyer, holdId, "STALLSONLY", 422)).isEqualTo("code-not-applicable");
        assertThat(checkoutProblem(buyer, holdId, "PRESALE", 422)).isEqualTo("code-not-applicable");

        Hold other = holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1));
        checkout.checkout(other.buyerId(), other.id(), "ONCE");
        assertThat(checkoutProblem(buyer, holdId, "ONCE", 409)).isEqualTo("code-exhausted");
        Hold first = holds.hold(buyerId, EMAIL, area(sale, 1));
        checkout.checkout(buyerId, first.id(), "ONEEACH");
        assertThat(checkoutProblem(buyer, holdId, "ONEEACH", 409)).isEqualTo("code-limit-reached");

        JsonNode order = ok(201, post("/api/v1/orders", buyer, null, """
                {"holdId":"%s"}""".formatted(holdId)));
        assertThat(order.path("promoCode").isNull()).isTrue();
        assertThat(order.path("totalMinor").asLong()).isEqualTo(2_500);
        assertThat(order.path("discounts").isEmpty()).isTrue();
    }

    @Test
    void fiftyBuyersRacingForATenUseCodeRedeemItExactlyTenTimes() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 100, 4, 6);
        PromoCode code = code(sale, discount("RACE", 50, 10, null));
        List<Hold> held = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            held.add(holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1)));
        }

        var outcomes = Concurrently.run(50, i -> checkout.checkout(held.get(i).buyerId(), held.get(i).id(), "RACE"));

        assertThat(outcomes.stream().filter(Concurrently.Outcome::succeeded)).hasSize(10)
                .allSatisfy(outcome -> assertThat(outcome.value().bill().totalMinor()).isEqualTo(1_250));
        assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded()))
                .hasSize(40).allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(CodeExhausted.class));
        assertThat(uses(code)).isEqualTo(10);
        assertThat(activeRedemptions(code)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ? AND status = 'ACTIVE'")
                .param(sale.event().id()).query(Integer.class).single()).as("the losers keep their holds")
                .isEqualTo(40);
    }

    @Test
    void oneBuyerCheckingOutTenHoldsAtOnceGetsTheCodeOnlyAsOftenAsOneBuyerMay() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 100, 4, 20);
        PromoCode code = code(sale, discount("TWOEACH", 10, 100, 2));
        UUID buyerId = UUID.randomUUID();
        List<Hold> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(holds.hold(buyerId, EMAIL, area(sale, 1)));
        }

        var outcomes = Concurrently.run(10, i -> checkout.checkout(buyerId, held.get(i).id(), "TWOEACH"));

        assertThat(outcomes.stream().filter(Concurrently.Outcome::succeeded)).hasSize(2);
        assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded())).hasSize(8)
                .allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(CodeLimitReached.class));
        assertThat(uses(code)).isEqualTo(2);
        assertThat(buyerUses(code, buyerId)).isEqualTo(2);
    }

    @Test
    void fiftyBuyersRacingIntoAPresaleWithATenUseAccessCodeGetExactlyTenHolds() throws Exception {
        OnSale sale = fixture().beforeSale(2, 5, 100, 4, 6);
        PromoCode code = code(sale, new CodeSpec("FIRST10", CodeKind.ACCESS, null, null, List.of(), List.of(), 10,
                null, null, null));

        var outcomes = Concurrently.run(50, i -> holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1), "FIRST10"));

        assertThat(outcomes.stream().filter(Concurrently.Outcome::succeeded)).hasSize(10);
        assertThat(outcomes.stream().filter(outcome -> !outcome.succeeded())).hasSize(40)
                .allSatisfy(outcome -> assertThat(outcome.failure()).isInstanceOf(CodeExhausted.class));
        assertThat(uses(code)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT sum(held)::int FROM event_area WHERE event_id = ? AND section_id = ?")
                .params(sale.event().id(), sale.floor().id()).query(Integer.class).single())
                .as("a refused hold took nothing").isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).isEqualTo(10);
        assertThatThrownBy(() -> codes.update(BookingFixture.ANY_ORGANIZATION, sale.event().id(), code.id(),
                new CodeSpec("FIRST10", CodeKind.ACCESS, null, null, List.of(), List.of(), 5, null, null, null)))
                .as("maxUses never below the uses taken").isInstanceOf(InvalidCode.class);
    }

    @Test
    void aCancelledOrExpiredOrderGivesItsUseBackExactlyOnceHoweverOftenItEnds() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        PromoCode code = code(sale, discount("ONCEBACK", 10, 3, 3));
        UUID buyerId = UUID.randomUUID();
        Order cancelled = checkout.checkout(buyerId, holds.hold(buyerId, EMAIL, area(sale, 1)).id(), "ONCEBACK");
        Order expired = checkout.checkout(buyerId, holds.hold(buyerId, EMAIL, area(sale, 1)).id(), "ONCEBACK");
        Order kept = checkout.checkout(buyerId, holds.hold(buyerId, EMAIL, area(sale, 1)).id(), "ONCEBACK");
        assertThat(uses(code)).isEqualTo(3);
        assertThat(buyerUses(code, buyerId)).isEqualTo(3);

        var cancels = Concurrently.run(2, i -> cancellations.cancelByBuyer(buyerId, cancelled.id()));
        assertThat(cancels.stream().filter(Concurrently.Outcome::succeeded)).hasSize(1);
        assertThat(uses(code)).isEqualTo(2);

        jdbc.sql("UPDATE purchase_order SET payment_due = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expired.id()).update();
        Concurrently.run(2, i -> expiry.expireOverdue(100));
        assertThat(status(expired)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(uses(code)).isEqualTo(1);
        // The payment's failure arriving after the expiry, and the same ending applied again, change nothing.
        transactions.executeWithoutResult(tx -> payments.paymentFailed(expired.id(), false));
        Integer expiredAgain = transactions.execute(tx -> redemption.giveBack(expired.purchase().holdId(),
                Instant.now()));
        Integer cancelledAgain = transactions.execute(tx -> redemption.giveBack(cancelled.purchase().holdId(),
                Instant.now()));
        assertThat(expiredAgain).isZero();
        assertThat(cancelledAgain).isZero();

        assertThat(uses(code)).isEqualTo(1);
        assertThat(buyerUses(code, buyerId)).isEqualTo(1);
        assertThat(activeRedemptions(code)).isEqualTo(1);
        assertThat(status(kept)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        Hold again = holds.hold(buyerId, EMAIL, area(sale, 1));
        assertThat(checkout.checkout(buyerId, again.id(), "ONCEBACK").bill().promoCode())
                .as("a use given back can be taken again").isEqualTo("ONCEBACK");
        assertThat(uses(code)).isEqualTo(2);
    }

    @Test
    void aPaymentAfterExpiryTakesItsCodeAgainOrIsRefundedWhenTheCodeIsUsedUpSince() {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        PromoCode code = code(sale, discount("LATE", 10, 1, null));
        UUID buyerId = UUID.randomUUID();
        Order paidLate = checkout.checkout(buyerId, holds.hold(buyerId, EMAIL, area(sale, 1)).id(), "LATE");
        expire(paidLate);
        assertThat(uses(code)).isZero();

        transactions.executeWithoutResult(tx -> payments.paymentSucceeded(paidLate.id(), UUID.randomUUID(),
                paidLate.bill().totalMinor()));
        assertThat(status(paidLate)).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(uses(code)).as("the re-take took the code again").isEqualTo(1);

        PromoCode other = code(sale, discount("LATE2", 10, 1, null));
        Order refunded = checkout.checkout(buyerId, holds.hold(buyerId, EMAIL, area(sale, 1)).id(), "LATE2");
        expire(refunded);
        UUID rival = UUID.randomUUID();
        checkout.checkout(rival, holds.hold(rival, EMAIL, area(sale, 1)).id(), "LATE2");
        transactions.executeWithoutResult(tx -> payments.paymentSucceeded(refunded.id(), UUID.randomUUID(),
                refunded.bill().totalMinor()));
        assertThat(status(refunded)).as("refunded, never over the code's limit").isEqualTo(OrderStatus.CANCELLED);
        assertThat(uses(other)).isEqualTo(1);
        assertThat(activeRedemptions(other)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM buyer_allowance WHERE buyer_id = ? AND tickets = 1")
                .param(buyerId).query(Integer.class).single()).as("the refused re-take gave nothing back twice")
                .isEqualTo(1);
    }

    private void expire(Order order) {
        jdbc.sql("UPDATE purchase_order SET payment_due = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), order.id()).update();
        expiry.expireOverdue(100);
    }

    @Test
    void anAccessCodeAdmitsABuyerBeforeTheSaleOpensAndOnlyThen() throws Exception {
        OnSale sale = fixture().beforeSale(2, 5, 50, 4, 6);
        PromoCode fanclub = code(sale, new CodeSpec("FANCLUB", CodeKind.ACCESS, null, null,
                List.of(sale.floor().id()), List.of(), 2, null, null, null));
        code(sale, discount("TENOFF", 10, null, null));
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String floor = """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":1}%s}""";
        String eventId = sale.event().id().toString();
        String floorId = sale.floor().id().toString();

        assertThat(problem(409, post("/api/v1/holds", buyer, null, floor.formatted(eventId, floorId, ""))))
                .isEqualTo("sale-not-open");
        assertThat(problem(422, post("/api/v1/holds", buyer, null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"NOPE\"")))).isEqualTo("unknown-code");
        assertThat(problem(422, post("/api/v1/holds", buyer, null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"TENOFF\"")))).isEqualTo("code-not-applicable");
        assertThat(problem(422, post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","bestAvailable":{"sectionId":"%s","quantity":1},"accessCode":"fanclub"}"""
                .formatted(eventId, sale.stalls().id())))).isEqualTo("code-not-applicable");
        assertThat(uses(fanclub)).isZero();

        JsonNode hold = ok(201, post("/api/v1/holds", buyer, null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"fanclub\"")));
        assertThat(uses(fanclub)).isEqualTo(1);
        ok(201, post("/api/v1/holds", TestTokens.buyer(), null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"FANCLUB\"")));
        assertThat(problem(409, post("/api/v1/holds", TestTokens.buyer(), null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"FANCLUB\"")))).isEqualTo("code-exhausted");

        String holdPath = "/api/v1/holds/" + hold.path("id").asString();
        ok(200, send(request(holdPath, buyer).DELETE()));
        assertThat(uses(fanclub)).as("the released hold gave its use back").isEqualTo(1);
        assertThat(send(request(holdPath, buyer).DELETE()).statusCode()).isEqualTo(409);
        assertThat(uses(fanclub)).as("once").isEqualTo(1);

        Hold expiring = holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1), "FANCLUB");
        assertThat(uses(fanclub)).isEqualTo(2);
        jdbc.sql("UPDATE hold SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expiring.id()).update();
        Instant deadline = Instant.now().plusSeconds(10);
        while (uses(fanclub) != 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(uses(fanclub)).as("the sweeper gave the expired hold's use back").isEqualTo(1);
        assertThat(activeRedemptions(fanclub)).isEqualTo(1);
    }

    @Test
    void aHiddenTierIsNotListedAndOpensOnlyToAnAccessCodeThatCoversIt() throws Exception {
        OnSale sale = fixture().withHiddenFloor(2, 5, 50, 4, 6);
        PromoCode vip = code(sale, new CodeSpec("VIP", CodeKind.ACCESS, null, null, List.of(), List.of("Floor"), 10,
                null, null, null));
        code(sale, new CodeSpec("STALLS", CodeKind.ACCESS, null, null, List.of(sale.stalls().id()), List.of(), null,
                null, null, null));
        String eventId = sale.event().id().toString();
        String floorId = sale.floor().id().toString();
        assertThat(ok(200, get("/api/v1/events/" + eventId, null)).path("sections").valueStream()
                .map(s -> s.path("sectionId").asString())).containsExactly(sale.stalls().id().toString());
        assertThat(ok(200, get("/api/v1/events/" + eventId + "/availability", null)).path("sections").valueStream()
                .map(s -> s.path("sectionId").asString())).containsExactly(sale.stalls().id().toString());
        assertThat(ok(200, get("/api/v1/admin/events/" + eventId, TestTokens.organizer(sale.organizationId())))
                .path("sections").valueStream().filter(s -> s.path("hidden").asBoolean())
                .map(s -> s.path("sectionId").asString())).containsExactly(floorId);

        String buyer = TestTokens.buyer(UUID.randomUUID());
        String floor = """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":1}%s}""";
        assertThat(problem(404, post("/api/v1/holds", buyer, null, floor.formatted(eventId, floorId, ""))))
                .isEqualTo("section-not-found");
        assertThat(problem(422, post("/api/v1/holds", buyer, null,
                floor.formatted(eventId, floorId, ",\"accessCode\":\"STALLS\"")))).isEqualTo("code-not-applicable");
        ok(201, post("/api/v1/holds", buyer, null, floor.formatted(eventId, floorId, ",\"accessCode\":\"vip\"")));
        assertThat(uses(vip)).isEqualTo(1);
        ok(201, post("/api/v1/holds", buyer, null, """
                {"eventId":"%s","bestAvailable":{"sectionId":"%s","quantity":1},"accessCode":"VIP"}"""
                .formatted(eventId, sale.stalls().id())));
        assertThat(uses(vip)).as("a listed tier on sale needs no code").isEqualTo(1);
    }

    @Test
    void onceTheSaleIsOpenAnAccessCodeIsNeitherNeededNorUsed() throws Exception {
        OnSale sale = fixture().onSale(2, 5, 50, 4, 6);
        PromoCode fanclub = code(sale, new CodeSpec("FANCLUB", CodeKind.ACCESS, null, null, List.of(), List.of(), 1,
                null, null, null));
        holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1), "FANCLUB");
        holds.hold(UUID.randomUUID(), EMAIL, area(sale, 1), "FANCLUB");
        assertThat(uses(fanclub)).isZero();
    }

    /** The payload of the order's event of {@code type} on the outbox. */
    private JsonNode announced(String type, String orderId) {
        return JSON.readTree(jdbc.sql("SELECT payload::text FROM outbox_event WHERE type = ? AND event_key = ?")
                .params(type, orderId).query(String.class).single());
    }

    private static HoldRequest area(OnSale sale, int quantity) {
        return new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), quantity);
    }

    private String checkoutProblem(String buyer, String holdId, String code, int status) throws Exception {
        return problem(status, post("/api/v1/orders", buyer, null, """
                {"holdId":"%s","promoCode":"%s"}""".formatted(holdId, code)));
    }

    private int uses(PromoCode code) {
        return jdbc.sql("SELECT uses FROM promo_code WHERE id = ?").param(code.id()).query(Integer.class).single();
    }

    private int buyerUses(PromoCode code, UUID buyerId) {
        return jdbc.sql("SELECT uses FROM promo_code_buyer WHERE code_id = ? AND buyer_id = ?")
                .params(code.id(), buyerId).query(Integer.class).single();
    }

    private int activeRedemptions(PromoCode code) {
        return jdbc.sql("SELECT count(*) FROM promo_redemption WHERE code_id = ? AND returned_at IS NULL")
                .param(code.id()).query(Integer.class).single();
    }

    private OrderStatus status(Order order) {
        return OrderStatus.valueOf(jdbc.sql("SELECT status FROM purchase_order WHERE id = ?").param(order.id())
                .query(String.class).single());
    }

    private static JsonNode ok(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String problem(int status, HttpResponse<String> response) {
        JsonNode problem = ok(status, response);
        String type = problem.path("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
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
