package org.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.boxoffice.client.analytics.api.AnalyticsApi;
import org.boxoffice.client.analytics.model.EventSalesReport;
import org.boxoffice.client.booking.api.EventAdministrationApi;
import org.boxoffice.client.booking.api.EventsApi;
import org.boxoffice.client.booking.api.HoldsApi;
import org.boxoffice.client.booking.api.InvoicesApi;
import org.boxoffice.client.booking.api.InvoicingApi;
import org.boxoffice.client.booking.api.OrdersApi;
import org.boxoffice.client.booking.api.PromoAndAccessCodesApi;
import org.boxoffice.client.booking.api.TicketsApi;
import org.boxoffice.client.booking.api.VenueAdministrationApi;
import org.boxoffice.client.booking.model.ChargesRequest;
import org.boxoffice.client.booking.model.CheckoutRequest;
import org.boxoffice.client.booking.model.CodeRequest;
import org.boxoffice.client.booking.model.CreateEventRequest;
import org.boxoffice.client.booking.model.CreateHoldRequest;
import org.boxoffice.client.booking.model.CreateSectionRequest;
import org.boxoffice.client.booking.model.CreateVenueRequest;
import org.boxoffice.client.booking.model.EventResponse;
import org.boxoffice.client.booking.model.HoldResponse;
import org.boxoffice.client.booking.model.InvoiceResponse;
import org.boxoffice.client.booking.model.IssuerRequest;
import org.boxoffice.client.booking.model.OrderResponse;
import org.boxoffice.client.booking.model.PageResponseEventResponse;
import org.boxoffice.client.booking.model.Quantity;
import org.boxoffice.client.booking.model.Range;
import org.boxoffice.client.booking.model.SeatRange;
import org.boxoffice.client.booking.model.SectionPrice;
import org.boxoffice.client.booking.model.SectionResponse;
import org.boxoffice.client.booking.model.TicketResponse;
import org.boxoffice.client.booking.model.TierRequest;
import org.boxoffice.client.booking.model.TiersRequest;
import org.boxoffice.client.booking.model.VenueResponse;
import org.boxoffice.client.payment.api.PaymentsApi;
import org.boxoffice.client.payment.api.SandboxProviderApi;
import org.boxoffice.client.payment.model.CardDetails;
import org.boxoffice.client.payment.model.CreatePaymentRequest;
import org.boxoffice.client.payment.model.PaymentResponse;
import org.boxoffice.client.user.api.AccountsApi;
import org.boxoffice.client.user.api.AuthenticationApi;
import org.boxoffice.client.user.model.ConfirmRequest;
import org.boxoffice.client.user.model.LoginRequest;
import org.boxoffice.client.user.model.RegistrationRequest;
import org.boxoffice.client.user.model.StateResponse;

/**
 * A buyer's way through the running platform, all via the gateway, with the typed clients generated from the
 * published contract: register, verify the email address with the code mailed to it (read from the local mailbox as
 * an admin); the demo organizer publishes an event with a tax added on top, a service fee and a promo code; the buyer
 * finds it, holds two seats, checks out with the code (the order must add up: discount before fee and tax), has the
 * sandbox provider tokenize the test card and pays with the token, receives two tickets once the signed webhook has
 * confirmed the payment and booking has confirmed the order, and downloads the invoice PDF, whose total and tax must
 * be the order's. Each step must answer with the expected status; a gateway 5xx, a wrong answer, an answer the generated
 * client cannot read, or a saga that does not finish within 60 s fails. Then the buyer's email with the PDF tickets
 * and the invoice PDF must be in the local mailbox, and the organizer must see the sale in the event's live numbers.
 * The hold, checkout and payment go in one trace the smoke starts; with {@code BOXOFFICE_TRACE_SPANS} set (a
 * {@link TraceCollector}'s file), that trace must show every hop of the sale, from the gateway to the email
 * ({@link PurchaseTrace}).
 *
 * <p>Run by {@code .ci/smoke-purchase} with {@code ./run.sh} up; reads the gateway from {@code BOXOFFICE_GATEWAY},
 * the admin from {@code BOXOFFICE_ADMIN_EMAIL} and the demo password from {@code .boxoffice/demo-password}. Exits 1
 * with a {@code purchase smoke: FAILED - ...} line on the first step that goes wrong.
 */
public final class PurchaseSmoke {

    private static final Pattern CODE = Pattern.compile("is (\\d{6})");
    private static final String PROMO_CODE = "SMOKE10";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final String password;
    private final String admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PurchaseSmoke(String gateway, String password, String admin) {
        this.gateway = gateway;
        this.password = password;
        this.admin = admin;
    }

    public static void main(String[] args) throws Exception {
        PurchaseSmoke smoke = new PurchaseSmoke(System.getenv().getOrDefault("BOXOFFICE_GATEWAY", "http://127.0.0.1:8080"),
                Files.readString(Path.of(".boxoffice/demo-password")).trim(),
                System.getenv().getOrDefault("BOXOFFICE_ADMIN_EMAIL", "admin@demo.boxoffice.dev"));
        try {
            smoke.run();
        } catch (Failed failed) {
            System.err.println("purchase smoke: FAILED - " + failed.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        // A new buyer each run: the database outlives runs (the machine's PostgreSQL), and the demo event allows 10
        // tickets per buyer, so the demo buyer would run out after five smoke runs.
        String buyer = "smoke-" + System.currentTimeMillis() / 1000 + "-" + random() + "@example.test";
        String buyerPassword = "Smoke-" + random() + "-" + random() + "-pass";
        Api.Clients anonymous = clients(() -> null);
        call("POST", "/api/v1/auth/register", 201, () -> new AccountsApi(anonymous.user).registerWithHttpInfo(
                new RegistrationRequest().email(buyer).password(buyerPassword).displayName("Smoke Buyer"), key()));
        String buyerToken = login(anonymous, buyer, buyerPassword);
        String adminToken = login(anonymous, admin, password);
        System.out.println("purchase smoke: registered and logged in as " + buyer);

        // Tickets go only to a verified address: ask for the code, read it from the local mailbox, type it back.
        Api.Clients asBuyer = clients(() -> buyerToken);
        call("POST", "/api/v1/users/me/email-verification", 202,
                () -> new AccountsApi(asBuyer.user).requestEmailVerificationCodeWithHttpInfo(idempotencyKey()));
        Integer codeMail = awaitMail(adminToken, buyer, true, 30);
        if (codeMail == null) {
            throw new Failed("no confirmation code reached " + buyer + " within 30 s");
        }
        Matcher code = CODE.matcher(message(adminToken, codeMail, "?format=html"));
        if (!code.find()) {
            throw new Failed("no code in the confirmation mail to " + buyer);
        }
        StateResponse state = call("POST", "/api/v1/users/me/email-verification/confirm", 200,
                () -> new AccountsApi(asBuyer.user).confirmEmailWithHttpInfo(
                        new ConfirmRequest().code(code.group(1)), idempotencyKey()));
        if (!Boolean.TRUE.equals(state.getVerified())) {
            throw new Failed("the code did not verify " + buyer);
        }
        System.out.println("purchase smoke: " + buyer + " verified with the code from the mailbox");

        // The organizer's own event for this run: a tax added on top, a service fee, a promo code and the seller's
        // details for its invoices (docs/commerce.md). The demo events predate a run and carry none of these.
        String organizerToken = login(anonymous, "organizer@demo.boxoffice.dev", password);
        Api.Clients asOrganizer = clients(() -> organizerToken);
        String title = "Smoke Commerce " + System.currentTimeMillis();
        UUID eventId = commerceEvent(asOrganizer, title);
        PageResponseEventResponse page = call("GET", "/api/v1/events?q=" + title, 200,
                () -> new EventsApi(asBuyer.booking).searchEventsWithHttpInfo(null, null, null, null, title, null,
                        100, null));
        EventResponse event = page.getItems().stream().filter(e -> e.getId().equals(eventId)).findFirst()
                .orElseThrow(() -> new Failed("the smoke's event is not in the catalogue"));
        EventResponse detail = call("GET", "/api/v1/events/" + event.getId(), 200,
                () -> new EventsApi(asBuyer.booking).getEventWithHttpInfo(event.getId(), null));
        UUID section = detail.getSections().stream().filter(s -> s.getKind() == SectionPrice.KindEnum.SEATED).findFirst()
                .orElseThrow(() -> new Failed("the event has no seated section")).getSectionId();
        System.out.println("purchase smoke: event " + event.getId() + ", section " + section + ", charges "
                + detail.getCharges());
        // The purchase itself (hold, checkout, payment) is one trace the buyer's client starts, as a browser with
        // OpenTelemetry would: every hop it causes must show it (PurchaseTrace).
        PurchaseTrace trace = new PurchaseTrace();
        Api.Clients inTrace = new Api.Clients(gateway, () -> buyerToken, trace::traceparent);
        call("GET", "/api/v1/events/" + event.getId() + "/availability", 200,
                () -> new EventsApi(asBuyer.booking).getAvailabilityWithHttpInfo(event.getId(), null));
        HoldResponse hold = call("POST", "/api/v1/holds", 201,
                () -> new HoldsApi(inTrace.booking).createHoldWithHttpInfo(new CreateHoldRequest()
                        // The generated model starts seatIds as an empty list; a hold names exactly one kind.
                        .eventId(event.getId()).seatIds(null).bestAvailable(new Quantity().sectionId(section).quantity(2)),
                        null, idempotencyKey())); // (request, waiting-room pass, Idempotency-Key)
        System.out.println("purchase smoke: held 2 seats (hold " + hold.getId() + ", " + hold.getRemainingSeconds()
                + " s left)");
        OrderResponse order = call("POST", "/api/v1/orders", 201,
                () -> new OrdersApi(inTrace.booking).createOrderWithHttpInfo(
                        new CheckoutRequest().holdId(hold.getId()).promoCode(PROMO_CODE.toLowerCase(
                                java.util.Locale.ROOT)), idempotencyKey()));
        System.out.println("purchase smoke: order " + order.getId() + " is " + order.getStatus() + ", subtotal "
                + order.getSubtotalMinor() + " - discount " + order.getDiscountMinor() + " + fee " + order.getFeeMinor()
                + " + " + order.getTaxLabel() + " " + order.getTaxMinor() + " = total " + order.getTotalMinor() + " "
                + order.getCurrency() + " minor units");
        if (order.getStatus() != OrderResponse.StatusEnum.PENDING_PAYMENT) {
            throw new Failed("order not PENDING_PAYMENT");
        }
        if (!PROMO_CODE.equals(order.getPromoCode()) || order.getDiscountMinor() <= 0 || order.getFeeMinor() <= 0
                || order.getTaxMinor() <= 0 || order.getTotalMinor() != order.getSubtotalMinor()
                        - order.getDiscountMinor() + order.getFeeMinor() + order.getTaxMinor()) {
            throw new Failed("the order does not add up to its discount, fee and added tax: " + order);
        }

        // The card goes to the payment provider (the sandbox's tokenization, without Boxoffice's token); Boxoffice
        // gets the token.
        org.boxoffice.client.payment.model.TokenResponse card = call("POST", "/sandbox/v1/tokens", 201,
                () -> new SandboxProviderApi(anonymous.payment).createSandboxTokenWithHttpInfo(new CardDetails()
                        .number("4242424242424242").expMonth(12).expYear(2030).cvc("123"), key()));
        PaymentResponse payment = call("POST", "/api/v1/payments", 201,
                () -> new PaymentsApi(inTrace.payment).createPaymentWithHttpInfo(idempotencyKey(),
                        new CreatePaymentRequest().orderId(order.getId()).paymentMethod(card.getId())));
        System.out.println("purchase smoke: payment " + payment.getId() + " is " + payment.getStatus());
        OrdersApi orders = new OrdersApi(asBuyer.booking);
        OrderResponse.StatusEnum status = order.getStatus();
        for (int i = 0; i < 60 && status != OrderResponse.StatusEnum.CONFIRMED; i++) {
            Thread.sleep(i == 0 ? 0 : 1000);
            OrderResponse current = call("GET", "/api/v1/orders/" + order.getId(), 200,
                    () -> orders.getOrderWithHttpInfo(order.getId()));
            status = current.getStatus();
        }
        if (status != OrderResponse.StatusEnum.CONFIRMED) {
            throw new Failed("order still " + status + " 60 s after payment");
        }
        List<TicketResponse> tickets = call("GET", "/api/v1/tickets?orderId=" + order.getId(), 200,
                () -> new TicketsApi(asBuyer.booking).listOrderTicketsWithHttpInfo(order.getId()));
        if (tickets.size() != 2) {
            throw new Failed("expected 2 tickets, got " + tickets.size() + ": " + tickets);
        }
        System.out.println("purchase smoke: order CONFIRMED after payment, " + tickets.size() + " tickets issued");

        String invoiceNumber = invoice(asBuyer, buyerToken, order);

        Integer ticketMail = awaitMail(adminToken, buyer, false, 60);
        if (ticketMail == null) {
            throw new Failed("no email reached " + buyer + " within 60 s of the confirmation");
        }
        String mail = message(adminToken, ticketMail, "");
        if (!mail.toLowerCase(java.util.Locale.ROOT).contains("application/pdf")) {
            throw new Failed("the buyer's email has no PDF attachment");
        }
        // notification fetched the invoice from booking when it sent the email (docs/commerce.md#invoices).
        if (!mail.contains(invoiceNumber + ".pdf")) {
            throw new Failed("the buyer's email does not carry the invoice " + invoiceNumber + ".pdf");
        }
        System.out.println("purchase smoke: the buyer's email with the PDF tickets and invoice " + invoiceNumber
                + " is in the mailbox (message " + ticketMail + ")");
        checkTrace(trace);

        AnalyticsApi analytics = new AnalyticsApi(asOrganizer.analytics);
        long sold = 0;
        for (int i = 0; i < 30 && sold < 2; i++) {
            Thread.sleep(i == 0 ? 0 : 1000);
            EventSalesReport report = call("GET", "/api/v1/admin/analytics/events/" + event.getId(), 200,
                    () -> analytics.getEventSalesWithHttpInfo(event.getId()));
            var figures = report.getFigures();
            sold = figures == null || figures.getTicketsSold() == null ? 0 : figures.getTicketsSold();
        }
        if (sold < 2) {
            throw new Failed("the organizer's analytics show " + sold
                    + " tickets sold for the event, expected at least 2");
        }
        System.out.println("purchase smoke: the organizer sees " + sold + " tickets sold for the event");
    }

    /**
     * The purchase's trace at every hop of the sale ({@link PurchaseTrace#HOPS}), in the spans the services exported
     * to the collector whose file {@code BOXOFFICE_TRACE_SPANS} names ({@code .ci/smoke-local-run} starts one). Without
     * that variable (the smoke run by hand against a platform that exports nowhere) the trace is not checked.
     */
    private static void checkTrace(PurchaseTrace trace) throws Exception {
        String file = System.getenv("BOXOFFICE_TRACE_SPANS");
        if (file == null || file.isBlank()) {
            System.out.println("purchase smoke: trace " + trace.traceId() + " not checked (BOXOFFICE_TRACE_SPANS is"
                    + " unset: no trace collector)");
            return;
        }
        List<String> missing = trace.missingHops(Path.of(file), Duration.ofSeconds(60));
        List<PurchaseTrace.Span> spans = trace.spans(Path.of(file));
        if (!missing.isEmpty()) {
            throw new Failed("trace " + trace.traceId() + " does not show " + missing + " within 60 s; its "
                    + spans.size() + " spans:\n  "
                    + String.join("\n  ", spans.stream().map(Object::toString).toList()));
        }
        System.out.println("purchase smoke: one trace " + trace.traceId() + " at every hop ("
                + String.join("; ", PurchaseTrace.HOPS.stream().map(PurchaseTrace.Hop::description).toList()) + "), "
                + spans.size() + " spans from " + spans.stream().map(PurchaseTrace.Span::service).distinct().sorted()
                .toList());
    }

    /**
     * Creates, as the demo organizer, a published event on a small new venue of the demo organization: 19 % VAT added
     * on top, a service fee of 1.50 per ticket, the 10 % code {@value #PROMO_CODE}, and the organization's seller
     * details for its invoices. Its id.
     */
    private UUID commerceEvent(Api.Clients asOrganizer, String title) throws Exception {
        VenueAdministrationApi venues = new VenueAdministrationApi(asOrganizer.booking);
        EventAdministrationApi events = new EventAdministrationApi(asOrganizer.booking);
        VenueResponse created = call("POST", "/api/v1/admin/venues", 201, () -> venues.createVenueWithHttpInfo(
                new CreateVenueRequest().organizationId(Api.DEMO_ORGANIZATION).name(title + " Hall").city("Smoketown")
                        .address("1 Smoke Street").timezone("UTC"), idempotencyKey()));
        UUID venue = created.getId();
        SectionResponse stalls = call("POST", "/api/v1/admin/venues/" + venue + "/sections", 201,
                () -> venues.addSectionWithHttpInfo(venue, new CreateSectionRequest().code("S1").name("Stalls")
                        .kind(CreateSectionRequest.KindEnum.SEATED).rows(new Range().from("1").to("2"))
                        .seats(new SeatRange().from(1).to(5)), idempotencyKey()));
        UUID section = stalls.getId();
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        EventResponse draft = call("POST", "/api/v1/admin/events", 201, () -> events.createEventWithHttpInfo(
                new CreateEventRequest().venueId(venue).title(title).description("Bought by the purchase smoke")
                        .startsAt(now.plusDays(30)).endsAt(now.plusDays(30).plusHours(3)).timezone("UTC")
                        .onSaleAt(now.minusSeconds(60)).offSaleAt(now.plusDays(29)).currency("EUR")
                        .maxTicketsPerOrder(4).maxTicketsPerBuyer(4).holdDurationSeconds(600), idempotencyKey()));
        UUID eventId = draft.getId();
        call("PUT", "/api/v1/admin/events/" + eventId + "/price-tiers", 200, () -> events.setPriceTiersWithHttpInfo(
                eventId, new TiersRequest().tiers(List.of(new TierRequest().sectionId(section).name("Stalls")
                        .amountMinor(4_500L)))));
        call("PUT", "/api/v1/admin/events/" + eventId + "/charges", 200, () -> events.setEventChargesWithHttpInfo(
                eventId, new ChargesRequest().taxLabel("VAT").taxRateBasisPoints(1_900).taxIncluded(false)
                        .feeFixedMinor(150L)));
        call("POST", "/api/v1/admin/events/" + eventId + "/publish", 200,
                () -> events.publishEventWithHttpInfo(eventId, idempotencyKey()));
        call("POST", "/api/v1/admin/events/" + eventId + "/codes", 201,
                () -> new PromoAndAccessCodesApi(asOrganizer.booking).createCodeWithHttpInfo(eventId,
                        new CodeRequest().code(PROMO_CODE).kind(CodeRequest.KindEnum.DISCOUNT).percentOff(10),
                        idempotencyKey()));
        call("PUT", "/api/v1/admin/invoicing/" + Api.DEMO_ORGANIZATION, 200,
                () -> new InvoicingApi(asOrganizer.booking).setInvoicingDetailsWithHttpInfo(Api.DEMO_ORGANIZATION,
                        new IssuerRequest().legalName("Demo Productions Ltd").address("1 Demo Street\nDemotown")
                                .vatId("XX123456789")));
        System.out.println("purchase smoke: the organizer published " + title + " with VAT 19 % on top, a fee of "
                + "1.50 per ticket and the code " + PROMO_CODE);
        return eventId;
    }

    /**
     * The order's invoice: listed with the order's total, and a PDF whose text shows that total and the tax. Its
     * number.
     */
    private String invoice(Api.Clients asBuyer, String buyerToken, OrderResponse order) throws Exception {
        OrderResponse confirmed = call("GET", "/api/v1/orders/" + order.getId(), 200,
                () -> new OrdersApi(asBuyer.booking).getOrderWithHttpInfo(order.getId()));
        List<InvoiceResponse> documents = call("GET", "/api/v1/orders/" + order.getId() + "/invoices", 200,
                () -> new InvoicesApi(asBuyer.booking).listOrderInvoicesWithHttpInfo(order.getId()));
        InvoiceResponse invoice = documents.stream().filter(d -> d.getKind() == InvoiceResponse.KindEnum.INVOICE)
                .findFirst().orElseThrow(() -> new Failed("no invoice for the confirmed order " + order.getId()));
        if (!invoice.getTotalMinor().equals(confirmed.getTotalMinor())
                || !invoice.getTaxMinor().equals(confirmed.getTaxMinor())
                || !invoice.getFeeMinor().equals(confirmed.getFeeMinor())
                || !invoice.getDiscountMinor().equals(confirmed.getDiscountMinor())) {
            throw new Failed("the invoice's sums differ from the order's: " + invoice + " vs " + confirmed);
        }
        String path = "/api/v1/orders/" + order.getId() + "/invoices/" + invoice.getId();
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + buyerToken).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (pdf.statusCode() != 200 || !pdf.headers().firstValue("Content-Type").orElse("").startsWith(
                "application/pdf")) {
            throw new Failed("GET " + path + " answered " + pdf.statusCode() + " " + pdf.headers().firstValue(
                    "Content-Type").orElse("") + ", expected 200 application/pdf");
        }
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String total = "Total " + java.math.BigDecimal.valueOf(confirmed.getTotalMinor(), 2).toPlainString();
        String tax = "VAT 19 % " + java.math.BigDecimal.valueOf(confirmed.getTaxMinor(), 2).toPlainString();
        if (!text.contains(invoice.getNumber()) || !text.contains(total) || !text.contains(tax)) {
            throw new Failed("the invoice PDF does not show " + invoice.getNumber() + ", '" + total + "' and '" + tax
                    + "':\n" + text);
        }
        System.out.println("purchase smoke: invoice " + invoice.getNumber() + " (PDF, " + pdf.body().length
                + " bytes) shows the order's " + tax + " and " + total);
        return invoice.getNumber();
    }

    private String login(Api.Clients clients, String email, String password) throws Exception {
        org.boxoffice.client.user.model.TokenResponse tokens = call("POST", "/api/v1/auth/login", 200,
                () -> new AuthenticationApi(clients.user).loginWithHttpInfo(
                        new LoginRequest().email(email).password(password), key()));
        return tokens.getAccessToken();
    }

    /**
     * The newest mail to {@code to} that is (or is not) a confirmation code, waiting up to {@code seconds}. The demo
     * mailbox is not part of the published contract (it exists only in the local demo run), so it is read as JSON.
     */
    private Integer awaitMail(String adminToken, String to, boolean confirmationCode, int seconds) throws Exception {
        for (int i = 0; i < seconds; i++) {
            Thread.sleep(i == 0 ? 0 : 1000);
            HttpResponse<String> list = get(adminToken, "/api/v1/admin/notifications/mailbox");
            if (list.statusCode() != 200) {
                throw new Failed("GET /api/v1/admin/notifications/mailbox answered " + list.statusCode()
                        + ", expected 200:\n" + list.body());
            }
            Integer found = null;
            for (JsonNode mail : JSON.readTree(list.body())) {
                boolean toBuyer = false;
                for (JsonNode address : mail.path("to")) {
                    toBuyer |= address.asText().contains(to);
                }
                if (toBuyer && mail.path("subject").asText().contains("confirmation code") == confirmationCode) {
                    found = mail.path("id").asInt();
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** One message of the local mailbox, raw ({@code .eml}) or its HTML body: text, not JSON. */
    private String message(String adminToken, int id, String query) throws Exception {
        return get(adminToken, "/api/v1/admin/notifications/mailbox/" + id + query).body();
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Api.Clients clients(Supplier<String> token) {
        return new Api.Clients(gateway, token);
    }

    /**
     * Makes one call through a generated client: its answer's body, if the status is the expected one; else the step
     * fails, naming the request, the status and the body, as the curl smoke did.
     *
     * @param step a call of one of the generated clients' {@code ...WithHttpInfo} methods, whose {@code ApiResponse}
     *             and {@code ApiException} types differ by package only
     */
    @SuppressWarnings("unchecked")
    private static <T> T call(String method, String path, int expected, Callable<?> step) throws Exception {
        Object response;
        try {
            response = step.call();
        } catch (Exception refused) {
            throw switch (refused) {
                case org.boxoffice.client.user.ApiException e -> refusal(method, path, expected, e.getCode(),
                        e.getResponseBody());
                case org.boxoffice.client.booking.ApiException e -> refusal(method, path, expected, e.getCode(),
                        e.getResponseBody());
                case org.boxoffice.client.payment.ApiException e -> refusal(method, path, expected, e.getCode(),
                        e.getResponseBody());
                case org.boxoffice.client.analytics.ApiException e -> refusal(method, path, expected, e.getCode(),
                        e.getResponseBody());
                default -> refused;
            };
        }
        int status;
        Object data;
        switch (response) {
            case org.boxoffice.client.user.ApiResponse<?> r -> { status = r.getStatusCode(); data = r.getData(); }
            case org.boxoffice.client.booking.ApiResponse<?> r -> { status = r.getStatusCode(); data = r.getData(); }
            case org.boxoffice.client.payment.ApiResponse<?> r -> { status = r.getStatusCode(); data = r.getData(); }
            case org.boxoffice.client.analytics.ApiResponse<?> r -> {
                status = r.getStatusCode();
                data = r.getData();
            }
            default -> throw new IllegalArgumentException("not a generated client's response: " + response);
        }
        if (status != expected) {
            throw new Failed(method + " " + path + " answered " + status + ", expected " + expected);
        }
        return (T) data;
    }

    private static Failed refusal(String method, String path, int expected, int status, String body) {
        return new Failed(method + " " + path + " answered " + status + ", expected " + expected + ":\n" + body);
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", idempotencyKey());
    }

    private static String idempotencyKey() {
        return "smoke-" + UUID.randomUUID();
    }

    private static int random() {
        return ThreadLocalRandom.current().nextInt(32_768);
    }

    /** A step that went wrong: its message is the smoke's verdict. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
