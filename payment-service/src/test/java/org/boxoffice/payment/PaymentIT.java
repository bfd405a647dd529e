package org.boxoffice.payment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.payment.sandbox.SandboxSignature;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEvents;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * payment-service end to end on real PostgreSQL and Redis, with the sandbox provider delivering real signed webhooks
 * over HTTP and a stand-in for booking-service's order endpoint.
 */
@org.springframework.context.annotation.Import(org.boxoffice.payment.sandbox.SandboxTestAccess.class)
@IntegrationTest(properties = {
        "boxoffice.payment.sandbox.webhook-secret=" + PaymentIT.SECRET,
        "boxoffice.payment.sandbox.confirm-delay=100ms",
        "boxoffice.payment.sandbox.slow-confirm-delay=3s",
        "boxoffice.payment.sandbox.out-of-order-gap=300ms",
        "boxoffice.payment.sandbox.poll-interval=50ms",
        "boxoffice.payment.refund-retry-interval=200ms",
        "boxoffice.events.relay-interval=50ms",
        "boxoffice.events.poll-interval=50ms" })
class PaymentIT {

    static final String SECRET = "whsec_test_secret";
    private static final String SANDBOX_FAULTS = "/api/v1/admin/payments/sandbox/faults";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** booking's orders by id: the owner and the JSON booking would answer with (or a status to fail with). */
    private static final Map<UUID, StandInOrder> ORDERS = new ConcurrentHashMap<>();
    /** The {@code traceparent} each order was asked for with, as booking received it. */
    private static final Map<UUID, String> TRACEPARENTS_AT_BOOKING = new ConcurrentHashMap<>();
    private static HttpServer booking;

    record StandInOrder(UUID buyerId, String json, int failWith) {
    }

    @DynamicPropertySource
    static void bookingStandIn(DynamicPropertyRegistry registry) throws IOException {
        booking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        booking.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        booking.createContext("/api/v1/orders/", exchange -> {
            UUID id = UUID.fromString(exchange.getRequestURI().getPath().substring("/api/v1/orders/".length()));
            StandInOrder order = ORDERS.get(id);
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
                TRACEPARENTS_AT_BOOKING.put(id, traceparent);
            }
            String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            UUID caller = UUID.fromString(JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                    .get("sub").asString());
            int status = order == null || !order.buyerId().equals(caller) ? 404
                    : order.failWith() != 0 ? order.failWith() : 200;
            byte[] body = status == 200 ? order.json().getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        booking.start();
        registry.add("boxoffice.payment.booking-url", () -> "http://127.0.0.1:" + booking.getAddress().getPort());
    }

    @AfterAll
    static void stopStandIn() {
        booking.stop(0);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.boxoffice.payment.sandbox.SandboxTestAccess sandbox;

    private final UUID buyerId = UUID.randomUUID();
    private final String buyer = TestTokens.buyer(buyerId);

    // --- paying ---

    @Test
    void aPaidOrderSucceedsByWebhookAndPaymentSucceededIsPublished() throws Exception {
        double succeededBefore = meters.counter("boxoffice.payments", "outcome", "succeeded").count();
        UUID orderId = order(12_500, "EUR");

        HttpResponse<String> created = pay(orderId, "4242424242424242", key());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode payment = JSON.readTree(created.body());
        assertThat(payment.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(payment.get("amountMinor").asLong()).as("the amount is booking's").isEqualTo(12_500);
        String paymentId = payment.get("id").asString();
        awaitStatus(paymentId, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> streamEvents("PaymentSucceeded", orderId).size() == 1);
        JsonNode event = JSON.readTree(streamEvents("PaymentSucceeded", orderId).getFirst());
        assertThat(event.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(event.get("buyerId").asString()).isEqualTo(buyerId.toString());
        assertThat(event.get("amountMinor").asLong()).isEqualTo(12_500);
        assertThat(event.get("currency").asString()).isEqualTo("EUR");
        assertThat(meters.counter("boxoffice.payments", "outcome", "succeeded").count()).isEqualTo(succeededBefore + 1);
        assertThat(get("/api/v1/payments/" + paymentId, TestTokens.buyer()).statusCode())
                .as("another buyer's payment does not exist for them").isEqualTo(404);
        assertThat(JSON.readTree(get("/api/v1/payments?orderId=" + orderId, buyer).body()).size()).isEqualTo(1);
    }

    @Test
    void anotherBuyerCannotPaySomeoneElsesOrderAndNothingIsCharged() throws Exception {
        UUID orderId = order(12_500, "EUR");

        HttpResponse<String> response = send("POST", "/api/v1/payments", TestTokens.buyer(), key(),
                payment(orderId, token("4242424242424242", 12, 2099)));

        assertThat(response.statusCode()).as("booking shows the order only to its buyer").isEqualTo(404);
        assertThat(charges(orderId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE order_id = ?", Integer.class, orderId)).isZero();
    }

    @Test
    void aDeclinedCardFailsThePaymentAndPaymentFailedIsPublished() throws Exception {
        UUID orderId = order(4_000, "EUR");

        String paymentId = id(pay(orderId, "4000000000000002", key()));

        awaitStatus(paymentId, "FAILED");
        assertThat(outboxEvents("PaymentFailed", orderId)).hasSize(1);
        assertThat(JSON.readTree(outboxEvents("PaymentFailed", orderId).getFirst()).get("reason").asString())
                .isEqualTo("card_declined");
        assertThat(outboxEvents("PaymentSucceeded", orderId)).isEmpty();
        HttpResponse<String> retry = pay(orderId, "4242424242424242", key());
        assertThat(retry.statusCode()).as("a failed payment may be retried with another card").isEqualTo(201);
    }

    // --- the sandbox's faults (issue #18) ---

    @Test
    void aChargeWhoseAnswerIsLostIsNotFailedTheProvidersWebhookDecides() throws Exception {
        UUID orderId = order(6_100, "EUR");
        assertThat(faults(TestTokens.admin(), 150, 0, 100).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> created = pay(orderId, "4242424242424242", key());

            assertThat(created.statusCode()).as("the provider took the charge: " + created.body()).isEqualTo(201);
            String paymentId = id(created);
            assertThat(charges(orderId)).isEqualTo(1);
            awaitStatus(paymentId, "SUCCEEDED");
            assertThat(outboxEvents("PaymentFailed", orderId)).as("the buyer's money is not left behind a failed "
                    + "payment").isEmpty();
            assertThat(outboxEvents("PaymentSucceeded", orderId)).hasSize(1);
        } finally {
            faults(TestTokens.admin(), 0, 0, 0);
        }
    }

    @Test
    void aProviderFailingBeforeChargingFailsThePaymentWithA503AndChargesNothing() throws Exception {
        UUID orderId = order(6_200, "EUR");
        assertThat(faults(TestTokens.admin(), 0, 100, 0).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> refused = pay(orderId, "4242424242424242", key());

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(type(refused)).endsWith("/service-unavailable");
            assertThat(charges(orderId)).isZero();
            assertThat(jdbc.queryForList("SELECT status || ' ' || failure_reason FROM payment WHERE order_id = ?",
                    String.class, orderId)).containsExactly("FAILED provider_unavailable");
            assertThat(JSON.readTree(outboxEvents("PaymentFailed", orderId).getFirst()).get("retryable").asBoolean())
                    .as("nothing was charged: booking keeps the order payable").isTrue();
        } finally {
            faults(TestTokens.admin(), 0, 0, 0);
        }
        HttpResponse<String> again = pay(orderId, "4242424242424242", key());
        assertThat(again.statusCode()).as("the buyer pays again once the provider is back: " + again.body())
                .isEqualTo(201);
        awaitStatus(id(again), "SUCCEEDED");
        assertThat(charges(orderId)).isEqualTo(1);
    }

    @Test
    void onlyAnAdminSetsTheSandboxFaultsAndAnOutOfRangeValueIsNamed() throws Exception {
        assertThat(faults(buyer, 0, 100, 0).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = faults(TestTokens.admin(), 0, 101, 0);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("failurePercent");
        HttpResponse<String> current = get(SANDBOX_FAULTS, TestTokens.admin());
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(current.body()).get("failurePercent").asInt()).as("nothing set by the refusals")
                .isZero();
    }

    private HttpResponse<String> faults(String token, int delayMillis, int failurePercent, int lostAnswerPercent)
            throws Exception {
        return send("PUT", SANDBOX_FAULTS, token, null, JSON.writeValueAsString(Map.of("delayMillis", delayMillis,
                "failurePercent", failurePercent, "lostAnswerPercent", lostAnswerPercent)));
    }

    @Test
    void aSlowCardStaysProcessingUntilTheProviderConfirms() throws Exception {
        String paymentId = id(pay(order(900, "EUR"), "4000000000000077", key()));

        Thread.sleep(1_000);
        assertThat(status(paymentId)).isEqualTo("PROCESSING");
        awaitStatus(paymentId, "SUCCEEDED");
    }

    @Test
    void aWebhookDeliveredTwiceHasOneEffect() throws Exception {
        UUID orderId = order(5_000, "EUR");
        String paymentId = id(pay(orderId, "4000000000000259", key()));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredWebhooks(paymentId) == 2);

        assertThat(status(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(outboxEvents("PaymentSucceeded", orderId)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM provider_event WHERE payment_id = ?::uuid", String.class,
                paymentId)).containsExactly("APPLIED");
    }

    @Test
    void succeededBeforeProcessingLeavesThePaymentSucceeded() throws Exception {
        UUID orderId = order(5_000, "EUR");
        String paymentId = id(pay(orderId, "4000000000000341", key()));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredWebhooks(paymentId) == 2);

        assertThat(status(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(outboxEvents("PaymentSucceeded", orderId)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT event_type || ':' || outcome FROM provider_event WHERE payment_id = ?::uuid"
                + " ORDER BY received_at", String.class, paymentId))
                .containsExactly("payment.succeeded:APPLIED", "payment.processing:IGNORED_OUT_OF_ORDER");
    }

    @Test
    void forgedAndStaleWebhooksAreRejectedAndChangeNothingAndAReplayIsIgnored() throws Exception {
        UUID orderId = order(7_000, "EUR");
        String paymentId = id(pay(orderId, "4000000000000077", key()));
        // Keep the sandbox from confirming it: this test is the provider.
        jdbc.update("UPDATE sandbox_charge SET confirm_at = now() + interval '1 hour' WHERE reference = ?::uuid",
                paymentId);
        byte[] body = ("{\"id\":\"evt_forged_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"paymentId\":\"pi_x\",\"reference\":\"" + paymentId
                + "\",\"amountMinor\":7000,\"currency\":\"EUR\",\"failureReason\":null}}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = webhook(body, SandboxSignature.header("whsec_guessed", Instant.now(), body));
        HttpResponse<String> unsigned = webhook(body, null);
        HttpResponse<String> stale = webhook(body, SandboxSignature.header(SECRET,
                Instant.now().minus(Duration.ofMinutes(6)), body));
        HttpResponse<String> tampered = webhook(new String(body, StandardCharsets.UTF_8).replace("7000", "1")
                .getBytes(StandardCharsets.UTF_8), SandboxSignature.header(SECRET, Instant.now(), body));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(type(forged)).endsWith("/invalid-webhook-signature");
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(type(stale)).endsWith("/stale-webhook");
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(status(paymentId)).isEqualTo("PROCESSING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_event WHERE payment_id = ?::uuid", Integer.class,
                paymentId)).isZero();
        assertThat(outboxEvents("PaymentSucceeded", orderId)).isEmpty();

        String signature = SandboxSignature.header(SECRET, Instant.now(), body);
        HttpResponse<String> genuine = webhook(body, signature);
        HttpResponse<String> replayed = webhook(body, signature);

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(genuine.body()).get("result").asString()).isEqualTo("APPLIED");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).get("result").asString()).isEqualTo("DUPLICATE");
        assertThat(status(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(outboxEvents("PaymentSucceeded", orderId)).hasSize(1);
    }

    // --- retries never charge twice ---

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndChargesOnce() throws Exception {
        UUID orderId = order(3_000, "EUR");
        String key = key();
        String body = payment(orderId, token("4242424242424242", 12, 2099));

        HttpResponse<String> first = send("POST", "/api/v1/payments", buyer, key, body);
        HttpResponse<String> retry = send("POST", "/api/v1/payments", buyer, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(charges(orderId)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesChargeOnceWhateverTheirKeys() throws Exception {
        UUID sameKeyOrder = order(3_000, "EUR");
        UUID manyKeysOrder = order(3_000, "EUR");
        String key = key();
        String sameKeyBody = payment(sameKeyOrder, token("4242424242424242", 12, 2099));
        String manyKeysBody = payment(manyKeysOrder, token("4242424242424242", 12, 2099));

        List<Integer> sameKey = concurrently(8, () -> send("POST", "/api/v1/payments", buyer, key, sameKeyBody)
                .statusCode());
        List<Integer> manyKeys = concurrently(8, () -> send("POST", "/api/v1/payments", buyer, key(), manyKeysBody)
                .statusCode());

        assertThat(sameKey).containsOnly(201, 409).contains(201);
        assertThat(manyKeys).as("one payment; the others find it, or its token already used")
                .isSubsetOf(201, 409, 422).containsOnlyOnce(201);
        assertThat(charges(sameKeyOrder)).isEqualTo(1);
        assertThat(charges(manyKeysOrder)).isEqualTo(1);
    }

    @Test
    void theKeyIsRequiredAndBadInputIsAPreciseProblemThatChargesNothing() throws Exception {
        UUID orderId = order(3_000, "EUR");

        HttpResponse<String> noKey = send("POST", "/api/v1/payments", buyer, null,
                payment(orderId, token("4242424242424242", 12, 2099)));
        HttpResponse<String> badCard = tokenize("42", 12, 2099);
        HttpResponse<String> expired = tokenize("4242424242424242", 1, 2020);
        HttpResponse<String> noToken = send("POST", "/api/v1/payments", buyer, key(), "{\"orderId\":\"" + orderId
                + "\"}");

        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(badCard.statusCode()).isEqualTo(400);
        assertThat(type(badCard)).endsWith("/validation-failed");
        assertThat(badCard.body()).contains("number");
        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(type(expired)).endsWith("/card-expired");
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.body()).contains("paymentMethod");
        assertThat(charges(orderId)).isZero();
    }

    @Test
    void onlyAPendingOrderWithinItsWindowCanBePaid() throws Exception {
        UUID confirmed = order(1_000, "EUR", "CONFIRMED", Instant.now().plusSeconds(600), 0);
        UUID late = order(1_000, "EUR", "PENDING_PAYMENT", Instant.now().minusSeconds(1), 0);
        UUID bookingFails = order(1_000, "EUR", "PENDING_PAYMENT", Instant.now().plusSeconds(600), 500);

        HttpResponse<String> notPayable = pay(confirmed, "4242424242424242", key());
        HttpResponse<String> tooLate = pay(late, "4242424242424242", key());
        HttpResponse<String> unknown = pay(UUID.randomUUID(), "4242424242424242", key());
        HttpResponse<String> othersOrder = send("POST", "/api/v1/payments", TestTokens.buyer(), key(),
                payment(order(1_000, "EUR"), token("4242424242424242", 12, 2099)));
        HttpResponse<String> unavailable = pay(bookingFails, "4242424242424242", key());

        assertThat(notPayable.statusCode()).isEqualTo(409);
        assertThat(type(notPayable)).endsWith("/order-not-payable");
        assertThat(tooLate.statusCode()).isEqualTo(422);
        assertThat(type(tooLate)).endsWith("/payment-window-closed");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(othersOrder.statusCode()).isEqualTo(404);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(unavailable.body()).get("service").asString()).isEqualTo("booking-service");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE order_id IN (?, ?, ?)", Integer.class,
                confirmed, late, bookingFails)).isZero();
    }

    @Test
    void aFreeOrderIsRefusedWithAProblemNotAServerError() throws Exception {
        UUID free = order(0, "EUR");

        HttpResponse<String> response = pay(free, "4242424242424242", key());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(type(response)).endsWith("/nothing-to-pay");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE order_id = ?", Integer.class, free)).isZero();
    }

    @Test
    void aPaymentTheProviderConfirmsAfterTheOrdersDeadlineIsStillAnnouncedForBookingToSettle() throws Exception {
        Instant due = Instant.now().plusSeconds(1);
        UUID orderId = order(2_000, "EUR", "PENDING_PAYMENT", due, 0);
        String paymentId = id(pay(orderId, "4000000000000077", key()));

        awaitStatus(paymentId, "SUCCEEDED");

        Instant succeededAt = Instant.parse(JSON.readTree(get("/api/v1/payments/" + paymentId, buyer).body())
                .get("succeededAt").asString());
        assertThat(succeededAt).as("the slow card's webhook came after the order's deadline").isAfter(due);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamEvents("PaymentSucceeded", orderId).size() == 1);
    }

    // --- card data never reaches the payment API ---

    @Test
    void theSandboxTurnsCardDetailsIntoASingleUseTokenAndThePaymentApiRefusesCardDetails() throws Exception {
        HttpResponse<String> tokenized = tokenize("4242424242424242", 12, 2099);
        assertThat(tokenized.statusCode()).isEqualTo(201);
        JsonNode token = JSON.readTree(tokenized.body());
        assertThat(token.get("id").asString()).startsWith("tok_sbx_");
        assertThat(token.get("card").get("last4").asString()).isEqualTo("4242");
        assertThat(tokenized.body()).doesNotContain("4242424242424242").doesNotContain("cvc");
        UUID first = order(1_500, "EUR");
        UUID second = order(1_500, "EUR");

        HttpResponse<String> withCard = send("POST", "/api/v1/payments", buyer, key(), JSON.writeValueAsString(Map.of(
                "orderId", first, "paymentMethod", token.get("id").asString(), "card", Map.of("number",
                        "4242424242424242", "expMonth", 12, "expYear", 2099, "cvc", "123"))));
        String paid = id(send("POST", "/api/v1/payments", buyer, key(), payment(first, token.get("id").asString())));
        HttpResponse<String> reused = send("POST", "/api/v1/payments", buyer, key(),
                payment(second, token.get("id").asString()));
        HttpResponse<String> unknown = send("POST", "/api/v1/payments", buyer, key(), payment(second, "tok_sbx_nope"));

        assertThat(withCard.statusCode()).isEqualTo(400);
        assertThat(type(withCard)).endsWith("/validation-failed");
        assertThat(withCard.body()).contains("card");
        assertThat(JSON.readTree(get("/api/v1/payments/" + paid, buyer).body()).get("cardLast4").asString())
                .isEqualTo("4242");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(type(reused)).endsWith("/invalid-payment-method");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(charges(second)).isZero();
        jdbc.update("UPDATE sandbox_token SET expires_at = now() - interval '1 second' WHERE id = ?",
                token("4242424242424242", 12, 2099));
        String expired = jdbc.queryForObject("SELECT id FROM sandbox_token WHERE expires_at < now() AND used_at IS NULL"
                + " ORDER BY created_at DESC LIMIT 1", String.class);
        HttpResponse<String> late = send("POST", "/api/v1/payments", buyer, key(), payment(second, expired));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(type(late)).endsWith("/invalid-payment-method");
    }

    @Test
    void oneTokenPaysOneOrderEvenWhenTwoOrdersRaceForIt() throws Exception {
        String token = token("4242424242424242", 12, 2099);
        List<UUID> orders = List.of(order(1_000, "EUR"), order(1_000, "EUR"), order(1_000, "EUR"),
                order(1_000, "EUR"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Integer> statuses = concurrently(orders.size(), () -> send("POST", "/api/v1/payments", buyer, key(),
                payment(orders.get(next.getAndIncrement()), token)).statusCode());

        assertThat(statuses).isSubsetOf(201, 422).containsOnlyOnce(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox_charge WHERE reference IN (SELECT id FROM payment"
                + " WHERE order_id = ANY(?))", Integer.class, (Object) orders.toArray(UUID[]::new))).isEqualTo(1);
    }

    @Test
    void noCardNumberIsStoredAnywhereInThePaymentSchema() throws Exception {
        String card = "4000000000000259";
        String paymentId = id(pay(order(6_000, "EUR"), card, key()));
        awaitStatus(paymentId, "SUCCEEDED");

        List<String> columns = jdbc.queryForList("""
                SELECT format('%I.%I', table_name, column_name) FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json',
                       'character', 'bytea')""", String.class);
        assertThat(columns).contains("sandbox_token.card_last4", "payment.card_last4");
        for (String column : columns) {
            String[] parts = column.split("\\.");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1]
                    + "::text LIKE ?", Integer.class, "%" + card + "%")).as(column).isZero();
        }
    }

    // --- refunds ---

    @Test
    void concurrentPartialRefundsNeverExceedWhatWasCaptured() throws Exception {
        UUID orderId = order(12_000, "EUR");
        String paymentId = id(pay(orderId, "4242424242424242", key()));
        awaitStatus(paymentId, "SUCCEEDED");

        List<Integer> statuses = concurrently(5, () -> refund(paymentId, TestTokens.admin(), 3_000L).statusCode());

        assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(4);
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(jdbc.queryForObject("SELECT refunded_minor FROM sandbox_charge WHERE reference = ?::uuid",
                Long.class, paymentId)).isEqualTo(12_000);
        assertThat(outboxEvents("RefundSucceeded", orderId)).hasSize(4);
        HttpResponse<String> more = refund(paymentId, TestTokens.admin(), 1L);
        assertThat(more.statusCode()).isEqualTo(409);
        assertThatThrownBy(() -> jdbc.update("UPDATE payment SET refunded_minor = captured_minor + 1 WHERE id = ?::uuid",
                paymentId)).as("the database refuses it too").hasMessageContaining("payment_refunds_within_captured");
    }

    @Test
    void aRefundAboveTheCaptureIsRefusedAndOrganizersCannotRefund() throws Exception {
        UUID orderId = order(2_000, "EUR");
        String paymentId = id(pay(orderId, "4242424242424242", key()));
        awaitStatus(paymentId, "SUCCEEDED");

        HttpResponse<String> tooMuch = refund(paymentId, TestTokens.admin(), 2_001L);
        HttpResponse<String> organizer = refund(paymentId, TestTokens.organizer(UUID.randomUUID()), 100L);
        HttpResponse<String> negative = refund(paymentId, TestTokens.admin(), -5L);
        HttpResponse<String> full = refund(paymentId, TestTokens.admin(), null);

        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(type(tooMuch)).endsWith("/refund-exceeds-captured");
        assertThat(organizer.statusCode()).isEqualTo(403);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(full.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(full.body()).get("amountMinor").asLong()).isEqualTo(2_000);
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
    }

    @Test
    void refundRequestedFromBookingIsRefundedOnceEvenWhenRedelivered() throws Exception {
        UUID orderId = order(8_000, "EUR");
        String paymentId = id(pay(orderId, "4242424242424242", key()));
        awaitStatus(paymentId, "SUCCEEDED");
        Map<String, String> envelope = TestEvents.signed(UUID.randomUUID(), "booking-service", "RefundRequested", 1,
                orderId.toString(), "{\"orderId\":\"" + orderId + "\",\"buyerId\":\"" + buyerId
                        + "\",\"amountMinor\":null,\"currency\":\"EUR\",\"reason\":\"event cancelled\"}", null);

        redis.opsForStream().add(StreamRecords.newRecord().in("boxoffice.events.booking-service").ofMap(envelope));
        redis.opsForStream().add(StreamRecords.newRecord().in("boxoffice.events.booking-service").ofMap(envelope));
        // The test infrastructure flushed Redis after start-up, taking the consumer group with it; recreate it from
        // the stream's start as the service does on start-up.
        try {
            redis.opsForStream().createGroup("boxoffice.events.booking-service", ReadOffset.from("0"), "payment-service");
        } catch (RuntimeException alreadyRecreated) {
            // BUSYGROUP: the consumer got there first.
        }

        awaitStatus(paymentId, "REFUNDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox_event WHERE event_id = ?::uuid", Integer.class, envelope.get("id")) == 1
                && redis.opsForStream().pending("boxoffice.events.booking-service", "payment-service").getTotalPendingMessages() == 0);
        assertThat(jdbc.queryForList("SELECT status FROM refund WHERE payment_id = ?::uuid", String.class, paymentId))
                .containsExactly("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT refunded_minor FROM sandbox_charge WHERE reference = ?::uuid",
                Long.class, paymentId)).isEqualTo(8_000);
        assertThat(outboxEvents("RefundSucceeded", orderId)).hasSize(1);
    }

    // --- reconciliation ---

    @Test
    void reconciliationRepairsAMissedWebhookOnce() throws Exception {
        UUID orderId = order(6_000, "EUR");
        String paymentId;
        sandbox.pause();
        try {
            paymentId = id(pay(orderId, "4242424242424242", key()));
            Thread.sleep(200);
            sandbox.confirmDueCharges();
            // The webhook is lost on the way.
            jdbc.update("DELETE FROM sandbox_webhook WHERE payload LIKE ?", "%" + paymentId + "%");
        } finally {
            sandbox.resume();
        }
        assertThat(status(paymentId)).isEqualTo("PROCESSING");

        JsonNode report = JSON.readTree(send("POST", "/api/v1/admin/payments/reconciliation", TestTokens.admin(), null, "").body());
        JsonNode again = JSON.readTree(send("POST", "/api/v1/admin/payments/reconciliation", TestTokens.admin(), null, "").body());

        assertThat(report.get("differences").valueStream()
                .filter(d -> d.get("paymentId").asString().equals(paymentId)).toList())
                .singleElement().satisfies(d -> {
                    assertThat(d.get("kind").asString()).isEqualTo("MISSED_SUCCESS");
                    assertThat(d.get("repaired").asBoolean()).isTrue();
                });
        assertThat(status(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(outboxEvents("PaymentSucceeded", orderId)).hasSize(1);
        assertThat(again.get("differences").valueStream()
                .filter(d -> paymentId.equals(d.get("paymentId").asString())).toList()).isEmpty();
        assertThat(meters.get("boxoffice.payments.reconciliation.differences").gauge().value())
                .isEqualTo(again.get("differences").size());
        assertThat(send("POST", "/api/v1/admin/payments/reconciliation", TestTokens.organizer(UUID.randomUUID()), null, "")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void reconciliationFailsAPaymentRecordedButNeverChargedOnceAndLeavesOneTheProviderHas() throws Exception {
        UUID strandedOrder = order(7_000, "EUR");
        UUID chargedOrder = order(7_500, "EUR");
        String stranded;
        String charged;
        sandbox.pause();
        try {
            stranded = id(pay(strandedOrder, "4242424242424242", key()));
            charged = id(pay(chargedOrder, "4242424242424242", key()));
            // What a payment-service killed between recording a payment and charging it leaves behind: a PROCESSING
            // payment the provider never saw, created a while ago (past the reconciliation's in-flight allowance).
            jdbc.update("DELETE FROM sandbox_webhook WHERE payload LIKE ?", "%" + stranded + "%");
            jdbc.update("DELETE FROM sandbox_charge WHERE reference = ?::uuid", stranded);
            jdbc.update("UPDATE payment SET provider_payment_id = NULL WHERE id = ?::uuid", stranded);
            // The other was charged and is not yet confirmed by the provider: it must be left to the webhook.
            jdbc.update("UPDATE payment SET created_at = now() - interval '3 minutes' WHERE id IN (?::uuid, ?::uuid)",
                    stranded, charged);

            JsonNode report = JSON.readTree(send("POST", "/api/v1/admin/payments/reconciliation", TestTokens.admin(),
                    null, "").body());
            JsonNode again = JSON.readTree(send("POST", "/api/v1/admin/payments/reconciliation", TestTokens.admin(),
                    null, "").body());

            assertThat(report.get("differences").valueStream()
                    .filter(d -> stranded.equals(d.get("paymentId").asString())).toList())
                    .singleElement().satisfies(d -> {
                        assertThat(d.get("kind").asString()).isEqualTo("NEVER_CHARGED");
                        assertThat(d.get("repaired").asBoolean()).isTrue();
                    });
            assertThat(status(stranded)).isEqualTo("FAILED");
            assertThat(outboxEvents("PaymentFailed", strandedOrder)).as("the order gets its outcome, once").hasSize(1);
            assertThat(JSON.readTree(outboxEvents("PaymentFailed", strandedOrder).getFirst()).get("reason").asString())
                    .isEqualTo("not_charged");
            assertThat(JSON.readTree(outboxEvents("PaymentFailed", strandedOrder).getFirst()).get("retryable")
                    .asBoolean()).isTrue();
            assertThat(again.get("differences").valueStream()
                    .filter(d -> stranded.equals(d.get("paymentId").asString())).toList()).isEmpty();
            assertThat(status(charged)).as("a charge the provider holds waits for its webhook").isEqualTo("PROCESSING");
            assertThat(report.get("differences").valueStream()
                    .filter(d -> charged.equals(d.get("paymentId").asString())).toList()).isEmpty();
        } finally {
            sandbox.resume();
        }
        awaitStatus(charged, "SUCCEEDED");
    }

    // --- helpers ---

    private UUID order(long totalMinor, String currency) {
        return order(totalMinor, currency, "PENDING_PAYMENT", Instant.now().plusSeconds(900), 0);
    }

    private UUID order(long totalMinor, String currency, String status, Instant paymentDue, int failWith) {
        UUID id = UUID.randomUUID();
        ORDERS.put(id, new StandInOrder(buyerId, JSON.writeValueAsString(Map.of("id", id, "eventId", UUID.randomUUID(),
                "holdId", UUID.randomUUID(), "status", status, "totalMinor", totalMinor, "currency", currency,
                "quantity", 2, "createdAt", Instant.now().toString(), "paymentDue", paymentDue.toString(),
                "lines", List.of())), failWith));
        return id;
    }

    private static String payment(UUID orderId, String paymentMethod) {
        return JSON.writeValueAsString(Map.of("orderId", orderId, "paymentMethod", paymentMethod));
    }

    /** The buyer's browser and the provider: card details to the sandbox's tokenization endpoint, without a token. */
    private HttpResponse<String> tokenize(String card, int expMonth, int expYear) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("number", card, "expMonth",
                        expMonth, "expYear", expYear, "cvc", "123")))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPaymentStaysInTheBuyersTraceThroughBookingTheSandboxWebhookAndTheStream() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String incoming = "00-" + traceId + "-b7ad6b7169203331-01";
        UUID orderId = order(4_200, "EUR");

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/payments")).header("Authorization", "Bearer " + buyer)
                .header("Content-Type", "application/json").header("Idempotency-Key", key())
                .header("traceparent", incoming)
                .POST(HttpRequest.BodyPublishers.ofString(payment(orderId, token("4242424242424242", 12, 2099))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TRACEPARENTS_AT_BOOKING.get(orderId)).as("payment → booking: a client span of the buyer's trace")
                .startsWith("00-" + traceId + "-").isNotEqualTo(incoming);
        awaitStatus(id(created), "SUCCEEDED");
        // The webhook went through the sandbox's queue and back in over HTTP: the event it produced is in the trace
        // only if the queued webhook kept the charge's context and the observed client sent it.
        assertThat(jdbc.queryForObject("SELECT trace_parent FROM outbox_event WHERE type = 'PaymentSucceeded'"
                + " AND event_key = ?", String.class, orderId.toString()))
                .as("sandbox webhook → payment → outbox").startsWith("00-" + traceId + "-");
        await().atMost(Duration.ofSeconds(10)).until(() -> streamEvents("PaymentSucceeded", orderId).size() == 1);
        assertThat(redis.opsForStream().range("boxoffice.events.payment-service",
                org.springframework.data.domain.Range.unbounded()).stream().map(r -> r.getValue())
                .filter(f -> orderId.toString().equals(f.get("key"))).findFirst().orElseThrow().get("traceparent"))
                .as("outbox → stream").asString().startsWith("00-" + traceId + "-");
    }

    private String token(String card, int expMonth, int expYear) throws Exception {
        HttpResponse<String> created = tokenize(card, expMonth, expYear);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    /** Tokenizes the card with the sandbox, then pays the order with the token, as a browser would. */
    private HttpResponse<String> pay(UUID orderId, String card, String key) throws Exception {
        return send("POST", "/api/v1/payments", buyer, key, payment(orderId, token(card, 12, 2099)));
    }

    private HttpResponse<String> refund(String paymentId, String token, Long amountMinor) throws Exception {
        String body = amountMinor == null ? "{}" : "{\"amountMinor\":" + amountMinor + ",\"reason\":\"goodwill\"}";
        return send("POST", "/api/v1/admin/payments/" + paymentId + "/refunds", token, null, body);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/webhooks/payments/sandbox")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SandboxSignature.HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private void awaitStatus(String paymentId, String expected) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> expected.equals(status(paymentId)));
    }

    private String status(String paymentId) throws Exception {
        return JSON.readTree(get("/api/v1/payments/" + paymentId, buyer).body()).get("status").asString();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private static String type(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("type").asString();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private int charges(UUID orderId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM sandbox_charge c JOIN payment p ON p.id = c.reference WHERE p.order_id = ?""",
                Integer.class, orderId);
    }

    private int deliveredWebhooks(String paymentId) {
        return jdbc.queryForObject("SELECT count(*) FROM sandbox_webhook WHERE delivered_at IS NOT NULL AND payload LIKE ?",
                Integer.class, "%" + paymentId + "%");
    }

    private List<String> outboxEvents(String type, UUID orderId) {
        return jdbc.queryForList("SELECT payload::text FROM outbox_event WHERE type = ? AND event_key = ?", String.class,
                type, orderId.toString());
    }

    private List<String> streamEvents(String type, UUID orderId) {
        return redis.opsForStream().range("boxoffice.events.payment-service", org.springframework.data.domain.Range.unbounded())
                .stream().map(r -> r.getValue()).filter(f -> type.equals(f.get("type")) && orderId.toString().equals(f.get("key")))
                .map(f -> (String) f.get("payload")).toList();
    }
}
