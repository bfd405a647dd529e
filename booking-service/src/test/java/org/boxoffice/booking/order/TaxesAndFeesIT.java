package org.boxoffice.booking.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.promo.CodeKind;
import org.boxoffice.booking.promo.CodeSpec;
import org.boxoffice.booking.promo.PromoCodeService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Taxes and service fees on a real PostgreSQL and Redis (docs/commerce.md#taxes-and-fees): the organizer's rule and
 * its refusals, the lines of an order checked out with a promo code, and the tax and fee shares of its refunds.
 */
@IntegrationTest
class TaxesAndFeesIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    PromoCodeService codes;
    @Autowired
    PaymentOutcomes payments;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theOrganizerSetsTaxAndFeeOnADraftAndARefusedRuleNamesItsFieldAndChangesNothing() throws Exception {
        BookingHttp http = new BookingHttp(port);
        String[] path = new String[1];
        String[] organizer = new String[1];
        OnSale sale = new BookingFixture(venues, events).onSale(2, 5, 50, 4, 6, draft -> {
            try {
                path[0] = "/api/v1/admin/events/" + draft.id() + "/charges";
                organizer[0] = TestTokens.organizer(draft.organizationId());
                JsonNode set = ok(200, http.put(path[0], organizer[0], """
                        {"taxLabel":"VAT","taxRateBasisPoints":1900,"taxIncluded":false,"feeFixedMinor":150}"""));
                assertThat(set.path("charges").path("taxRateBasisPoints").asInt()).isEqualTo(1_900);

                assertThat(refusedField(http.put(path[0], organizer[0], """
                        {"taxRateBasisPoints":700}"""), 422, "invalid-event")).isEqualTo("taxLabel");
                assertThat(refusedField(http.put(path[0], organizer[0], """
                        {"taxLabel":"VAT","taxRateBasisPoints":10001}"""), 400, "validation-failed"))
                        .isEqualTo("taxRateBasisPoints");
                assertThat(refusedField(http.put(path[0], organizer[0], """
                        {"feeFixedMinor":100,"feePercentBasisPoints":500}"""), 422, "invalid-event"))
                        .isEqualTo("feePercentBasisPoints");
                assertThat(http.put(path[0], TestTokens.organizer(UUID.randomUUID()), "{}").statusCode())
                        .isEqualTo(404);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(problem(409, http.put(path[0], organizer[0], "{}"))).isEqualTo("event-state-conflict");
        JsonNode charges = ok(200, http.get("/api/v1/events/" + sale.event().id(), null)).path("charges");
        assertThat(charges.path("taxLabel").asString()).isEqualTo("VAT");
        assertThat(charges.path("taxRateBasisPoints").asInt()).isEqualTo(1_900);
        assertThat(charges.path("taxIncluded").asBoolean()).isFalse();
        assertThat(charges.path("feeFixedMinor").asLong()).isEqualTo(150);
        assertThat(charges.path("feePercentBasisPoints").asInt()).isZero();
    }

    @Test
    void anOrderIsChargedTheFeeAndTheTaxOnThePriceAfterItsDiscountAndRefundsGiveBackTheirShares() throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = new BookingFixture(venues, events).onSale(2, 5, 50, 4, 6, draft -> events.setCharges(
                BookingFixture.ANY_ORGANIZATION, draft.id(), new Charges("VAT", 1_900, false, 0, 500)));
        codes.create(BookingFixture.ANY_ORGANIZATION, sale.event().id(), new CodeSpec("STALLS10", CodeKind.DISCOUNT,
                10, null, List.of(), List.of("Stalls"), null, null, null, null));
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String seatHold = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(sale.event().id(), sale.seatIds(0, 1).getFirst())))
                .path("id").asString();
        String areaHold = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":3}}""".formatted(sale.event().id(),
                sale.floor().id()))).path("id").asString();

        JsonNode seat = ok(201, http.post("/api/v1/orders", buyer, UUID.randomUUID().toString(), """
                {"holdId":"%s","promoCode":"stalls10"}""".formatted(seatHold)));
        JsonNode area = ok(201, http.post("/api/v1/orders", buyer, UUID.randomUUID().toString(), """
                {"holdId":"%s"}""".formatted(areaHold)));

        // 45.00 less 10 % = 40.50; fee 5 % = 2.025 → 2.03; VAT 19 % of 42.53 = 8.0807 → 8.08; 50.61 in all.
        assertThat(line(seat)).containsExactly(4_500L, 450L, 203L, 808L, 5_061L);
        assertThat(totals(seat)).containsExactly(4_500L, 450L, 203L, 808L, 5_061L);
        assertThat(seat.path("taxLabel").asString()).isEqualTo("VAT");
        assertThat(seat.path("taxIncluded").asBoolean()).isFalse();
        // 3 × 25.00 = 75.00; fee 3.75; VAT 19 % of 78.75 = 14.9625 → 14.96; 93.71.
        assertThat(line(area)).containsExactly(7_500L, 0L, 375L, 1_496L, 9_371L);

        UUID orderId = UUID.fromString(area.path("id").asString());
        UUID paymentId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> payments.paymentSucceeded(orderId, paymentId, 9_371));
        transactions.executeWithoutResult(tx -> payments.refundSucceeded(UUID.randomUUID(), paymentId, orderId,
                5_000));
        JsonNode partly = ok(200, http.get("/api/v1/orders/" + orderId, buyer));
        assertThat(partly.path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        // 1496 × 5000 / 9371 = 798.2 → 798 of tax; 375 × 5000 / 9371 = 200.08 → 200 of fee.
        assertThat(partly.path("refundedTaxMinor").asLong()).isEqualTo(798);
        assertThat(partly.path("refundedFeeMinor").asLong()).isEqualTo(200);

        transactions.executeWithoutResult(tx -> payments.refundSucceeded(UUID.randomUUID(), paymentId, orderId,
                4_371));
        JsonNode whole = ok(200, http.get("/api/v1/orders/" + orderId, buyer));
        assertThat(whole.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(whole.path("refundedTaxMinor").asLong()).isEqualTo(1_496);
        assertThat(whole.path("refundedFeeMinor").asLong()).isEqualTo(375);
    }

    private static List<Long> line(JsonNode order) {
        JsonNode line = order.path("lines").get(0);
        return List.of(line.path("amountMinor").asLong(), line.path("discountMinor").asLong(),
                line.path("feeMinor").asLong(), line.path("taxMinor").asLong(), line.path("totalMinor").asLong());
    }

    private static List<Long> totals(JsonNode order) {
        return List.of(order.path("subtotalMinor").asLong(), order.path("discountMinor").asLong(),
                order.path("feeMinor").asLong(), order.path("taxMinor").asLong(), order.path("totalMinor").asLong());
    }

    private static String refusedField(java.net.http.HttpResponse<String> response, int status, String type) {
        assertThat(problem(status, response)).isEqualTo(type);
        return ok(status, response).path("errors").get(0).path("field").asString();
    }
}
