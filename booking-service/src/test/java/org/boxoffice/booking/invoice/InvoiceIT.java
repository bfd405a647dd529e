package org.boxoffice.booking.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.Order;
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
 * Invoices and credit notes on a real PostgreSQL and Redis (docs/commerce.md#invoices): gapless numbers per
 * organization under concurrent confirmations, the PDF's totals against the order's, credit notes on refund, and
 * who may read them (the buyer their own, the organizer their organization's, notification-service an invoice whose
 * token its OrderConfirmed event carried; anyone else a 404).
 */
@IntegrationTest
class InvoiceIT {

    static final String EMAIL = "buyer@test.boxoffice.dev";
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
    PaymentOutcomes payments;
    @Autowired
    InvoiceNumbers numbers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void confirmationsRacingWithRollbacksNumberTheOrganizationsInvoicesOneToNWithoutGapOrDuplicate() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 1, 100, 4, 4);
        int confirmations = 24;
        int rollbacks = 6;
        List<Order> pending = new ArrayList<>();
        for (int i = 0; i < confirmations; i++) {
            UUID buyer = UUID.randomUUID();
            var hold = holds.hold(buyer, EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(),
                    1));
            pending.add(checkout.checkout(buyer, hold.id()));
        }

        var outcomes = Concurrently.run(confirmations + rollbacks, i -> {
            if (i >= confirmations) {
                // A transaction that takes a number and then fails: its number must come back, leaving no gap.
                try {
                    transactions.executeWithoutResult(tx -> {
                        numbers.next(sale.organizationId(), DocumentKind.INVOICE);
                        throw new IllegalStateException("rolled back after taking a number");
                    });
                } catch (IllegalStateException expected) {
                    return "rolled back";
                }
                return "committed?";
            }
            Order order = pending.get(i);
            transactions.executeWithoutResult(tx -> payments.paymentSucceeded(order.id(), UUID.randomUUID(),
                    order.bill().totalMinor()));
            return "confirmed";
        });

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.stream().map(Concurrently.Outcome::value)).filteredOn("rolled back"::equals)
                .hasSize(rollbacks);
        List<Long> issued = jdbc.sql("""
                SELECT number FROM invoice WHERE organization_id = ? AND kind = 'INVOICE' ORDER BY number""")
                .param(sale.organizationId()).query(Long.class).list();
        assertThat(issued).containsExactlyElementsOf(LongStream.rangeClosed(1, confirmations).boxed().toList());
        assertThat(jdbc.sql("SELECT count(DISTINCT order_id) FROM invoice WHERE organization_id = ?")
                .param(sale.organizationId()).query(Long.class).single()).isEqualTo(confirmations);
        assertThat(jdbc.sql("SELECT last_number FROM invoice_sequence WHERE organization_id = ? AND kind = 'INVOICE'")
                .param(sale.organizationId()).query(Long.class).single()).isEqualTo(confirmations);

        // Each confirmation announced its own invoice with a token that opens that invoice's PDF and no other.
        BookingHttp http = new BookingHttp(port);
        JsonNode first = announcedInvoice(pending.get(0).id());
        JsonNode second = announcedInvoice(pending.get(1).id());
        assertThat(first.path("pdfToken").asString()).isNotEqualTo(second.path("pdfToken").asString());
        assertThat(pdfText(servicePdf(http, first.path("invoiceId").asString(), first.path("pdfToken").asString())))
                .contains("Invoice " + first.path("number").asString());
        assertThat(problem(404, BookingHttp.send(servicePdf(http, first.path("invoiceId").asString(),
                second.path("pdfToken").asString())))).isEqualTo("invoice-not-found");
    }

    @Test
    void theBuyerAndTheOrganizerDownloadTheInvoiceWhoseTotalsAreTheOrdersAndARefundGetsACreditNote()
            throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = new BookingFixture(venues, events).onSale(2, 5, 50, 4, 6, draft -> events.setCharges(
                BookingFixture.ANY_ORGANIZATION, draft.id(), new Charges("VAT", 1_900, false, 150, 0)));
        String organizer = TestTokens.organizer(sale.organizationId());
        String details = "/api/v1/admin/invoicing/" + sale.organizationId();
        assertThat(problem(404, http.get(details, organizer))).isEqualTo("issuer-not-found");
        assertThat(problem(400, http.put(details, organizer, """
                {"legalName":" ","address":"Rua 1"}"""))).isEqualTo("validation-failed");
        ok(200, http.put(details, organizer, """
                {"legalName":"Fixture Hall Lda","address":"Rua 1\\n1000-001 Lisboa","vatId":"PT123456789"}"""));
        assertThat(http.get(details, TestTokens.organizer(UUID.randomUUID())).statusCode()).isEqualTo(404);
        assertThat(http.put(details, TestTokens.organizer(UUID.randomUUID()), """
                {"legalName":"Not mine","address":""}""").statusCode()).isEqualTo(404);
        assertThat(ok(200, http.get(details, organizer)).path("vatId").asString()).isEqualTo("PT123456789");

        UUID buyerId = UUID.randomUUID();
        String buyer = TestTokens.buyer(buyerId);
        String holdId = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":2}}""".formatted(sale.event().id(),
                sale.floor().id()))).path("id").asString();
        JsonNode order = ok(201, http.post("/api/v1/orders", buyer, UUID.randomUUID().toString(), """
                {"holdId":"%s"}""".formatted(holdId)));
        UUID orderId = UUID.fromString(order.path("id").asString());
        String mine = "/api/v1/orders/" + orderId + "/invoices";
        assertThat(ok(200, http.get(mine, buyer)).isEmpty()).as("no invoice before the order is confirmed").isTrue();

        UUID paymentId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> payments.paymentSucceeded(orderId, paymentId, 6_307));
        JsonNode invoice = ok(200, http.get(mine, buyer)).get(0);
        // The confirmation names the invoice without carrying its PDF; the token it carries opens the PDF for the
        // service that emails it, without an account, and nothing else does at that address.
        JsonNode announced = announcedInvoice(orderId);
        assertThat(announced.path("invoiceId").asString()).isEqualTo(invoice.path("id").asString());
        assertThat(announced.path("number").asString()).isEqualTo("INV-000001");
        assertThat(announced.has("pdf")).as("the PDF no longer travels in the event").isFalse();
        String token = announced.path("pdfToken").asString();
        String invoiceId = invoice.path("id").asString();
        assertThat(pdfText(servicePdf(http, invoiceId, token))).contains("Invoice INV-000001", "Total 63.07");
        String internal = "/internal/v1/invoices/" + invoiceId + "/pdf";
        assertThat(problem(404, http.get(internal, null))).as("no token").isEqualTo("invoice-not-found");
        assertThat(problem(404, http.get(internal, buyer))).as("the buyer's own account is not the credential")
                .isEqualTo("invoice-not-found");
        assertThat(problem(404, BookingHttp.send(servicePdf(http, invoiceId, token.substring(1) + "A"))))
                .as("an altered token").isEqualTo("invoice-not-found");
        // 2 × 25.00 + 2 × 1.50 fee = 53.00; VAT 19 % = 10.07; 63.07.
        assertThat(order.path("totalMinor").asLong()).isEqualTo(6_307);
        assertThat(invoice.path("kind").asString()).isEqualTo("INVOICE");
        assertThat(invoice.path("number").asString()).isEqualTo("INV-000001");
        assertThat(invoice.path("totalMinor").asLong()).isEqualTo(order.path("totalMinor").asLong());
        assertThat(invoice.path("taxMinor").asLong()).isEqualTo(order.path("taxMinor").asLong()).isEqualTo(1_007);
        assertThat(invoice.path("feeMinor").asLong()).isEqualTo(order.path("feeMinor").asLong()).isEqualTo(300);
        String pdfPath = mine + "/" + invoice.path("id").asString();
        String text = pdfText(http.request(pdfPath, buyer));
        assertThat(text).contains("Invoice INV-000001", "Fixture Hall Lda", "1000-001 Lisboa", "VAT id: PT123456789",
                "@test.boxoffice.dev", "Subtotal 50.00", "Discount 0.00", "Service fees 3.00", "VAT 19 % 10.07",
                "Total 63.07");

        String stranger = TestTokens.buyer(UUID.randomUUID());
        assertThat(problem(404, http.get(mine, stranger))).isEqualTo("order-not-found");
        assertThat(problem(404, http.get(pdfPath, stranger))).isEqualTo("order-not-found");
        assertThat(problem(404, http.get(mine + "/" + UUID.randomUUID(), buyer))).isEqualTo("invoice-not-found");
        String admin = "/api/v1/admin/events/" + sale.event().id() + "/orders/" + orderId + "/invoices";
        assertThat(ok(200, http.get(admin, organizer)).get(0).path("number").asString()).isEqualTo("INV-000001");
        assertThat(pdfText(http.request(admin + "/" + invoice.path("id").asString(), organizer)))
                .contains("Total 63.07");
        String otherOrganizer = TestTokens.organizer(UUID.randomUUID());
        assertThat(http.get(admin, otherOrganizer).statusCode()).isEqualTo(404);
        assertThat(http.get(admin + "/" + invoice.path("id").asString(), otherOrganizer).statusCode()).isEqualTo(404);

        UUID refundId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> payments.refundSucceeded(refundId, paymentId, orderId, 1_000));
        transactions.executeWithoutResult(tx -> payments.refundSucceeded(refundId, paymentId, orderId, 1_000));
        JsonNode documents = ok(200, http.get(mine, buyer));
        assertThat(documents).hasSize(2);
        JsonNode note = documents.get(1);
        // Of 10.00 back: VAT 1007 × 1000 / 6307 = 159.7 → 1.60; fee 300 × 1000 / 6307 = 47.6 → 0.48.
        assertThat(note.path("number").asString()).isEqualTo("CN-000001");
        assertThat(note.path("correctsInvoiceId").asString()).isEqualTo(invoice.path("id").asString());
        assertThat(List.of(note.path("totalMinor").asLong(), note.path("taxMinor").asLong(),
                note.path("feeMinor").asLong())).containsExactly(1_000L, 160L, 48L);
        assertThat(pdfText(http.request(mine + "/" + note.path("id").asString(), buyer)))
                .contains("Credit note CN-000001", "Corrects invoice INV-000001", "Total refunded 10.00");
        assertThat(problem(404, BookingHttp.send(servicePdf(http, note.path("id").asString(), token))))
                .as("the invoice's token opens no credit note").isEqualTo("invoice-not-found");
    }

    /** The {@code invoice} of the order's {@code OrderConfirmed} event, as written to the outbox. */
    private JsonNode announcedInvoice(UUID orderId) {
        return JSON.readTree(jdbc.sql("SELECT payload::text FROM outbox_event WHERE type = 'OrderConfirmed' "
                + "AND event_key = ?").param(orderId.toString()).query(String.class).single()).path("invoice");
    }

    /** notification-service's request for an invoice's PDF: no account, the invoice's token. */
    private static java.net.http.HttpRequest.Builder servicePdf(BookingHttp http, String invoiceId, String token) {
        return http.request("/internal/v1/invoices/" + invoiceId + "/pdf", null).header("Invoice-Token", token);
    }

    private static String pdfText(java.net.http.HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
