package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.platform.testing.TestEvents;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** SMS through the HTTP provider: sent when it answers, retried then FAILED when it does not, breaker in front. */
class PhoneDeliveryIT extends NotificationTesting {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Dispatcher dispatcher;

    UUID buyer;
    String phone;

    /** A buyer with a verified address who opted in to SMS and confirmed the number with its code. */
    @BeforeEach
    void optedInBuyer() throws Exception {
        // Another test may have left the breaker open (for an hour): the code must go out.
        dispatcher.breaker(Channel.SMS).reset();
        buyer = UUID.randomUUID();
        phone = "+49151" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        verifiedEmail(buyer, "dora@example.com");
        String token = TestTokens.token().subject(buyer).email("dora@example.com").roles("BUYER").sign();
        assertThat(send("PUT", "/api/v1/notifications/preferences", token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false,"phone":"%s"}""".formatted(phone)).statusCode())
                .isEqualTo(200);
        confirmPhone(token, phone);
        dispatcher.breaker(Channel.SMS).reset();
    }

    @Test
    void anOptedInBuyerGetsTheEmailAnSmsAndAWhatsAppMessageThroughTheProvider() throws Exception {
        String token = TestTokens.token().subject(buyer).email("dora@example.com").roles("BUYER").sign();
        assertThat(send("PUT", "/api/v1/notifications/preferences", token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":true,"phone":"%s"}""".formatted(phone)).statusCode())
                .isEqualTo(200);
        UUID eventId = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));

        Await.until(Duration.ofSeconds(20), "email, SMS and WhatsApp are sent", () -> status(eventId, "SMS").equals("SENT")
                && status(eventId, "WHATSAPP").equals("SENT") && status(eventId, "EMAIL").equals("SENT"));
        String encoded = java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SMS.requests()).hasSize(2).allSatisfy(form -> assertThat(form).contains("card_declined"))
                .anySatisfy(form -> assertThat(form).contains("To=" + encoded).contains("From=%2B15550000001"))
                .anySatisfy(form -> assertThat(form).contains("To=whatsapp%3A" + encoded)
                        .contains("From=whatsapp%3A%2B15550000002"));
        assertThat(SMS.authorizations()).containsOnly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("AC0123:test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // PaymentFailed names only the buyer: the address is the one the buyer verified.
        assertThat(SMTP.getReceivedMessages()).singleElement().satisfies(mail -> assertThat(
                mail.getAllRecipients()[0].toString()).isEqualTo("dora@example.com"));
    }

    @Test
    void theProviderIsCalledInTheTraceOfTheEventThatCausedTheMessage() throws Exception {
        String traceId = "5b8efff798038103d269b633813fc60c";
        UUID eventId = UUID.randomUUID();
        TestEvents.append(redis, "payment-service", TestEvents.signed(eventId, "payment-service", "PaymentFailed", 1,
                UUID.randomUUID().toString(), Fixtures.paymentFailed(UUID.randomUUID(), buyer), null,
                java.util.Map.of("traceparent", "00-" + traceId + "-eee19b7ec3c1b174-01")));

        Await.until(Duration.ofSeconds(20), "the SMS is sent", () -> status(eventId, "SMS").equals("SENT"));
        assertThat(SMS.traceparents()).as("stream → notification → provider: a client span of the event's trace")
                .singleElement().asString().startsWith("00-" + traceId + "-");
    }

    @Test
    void aFailingProviderIsRetriedThenTheDeliveryIsFailedWithTheReason() throws Exception {
        SMS.reset(500);
        UUID eventId = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));

        Await.until(Duration.ofSeconds(20), "the SMS delivery has failed", () -> status(eventId, "SMS").equals("FAILED"));
        assertThat(SMS.requests()).hasSize(3);
        assertThat(status(eventId, "EMAIL")).isEqualTo("SENT");

        JsonNode failed = JSON.readTree(send("GET", "/api/v1/admin/notifications/deliveries?status=FAILED&channel=SMS",
                TestTokens.admin(), null).body());
        assertThat(failed.path("totalItems").asLong()).isEqualTo(1);
        JsonNode delivery = failed.path("items").get(0);
        assertThat(delivery.path("sourceId").asString()).isEqualTo(eventId.toString());
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastError").asString()).contains("HTTP 500").contains("gave up after 3 attempts");
        assertThat(send("GET", "/api/v1/admin/notifications/deliveries?status=FAILED", TestTokens.organizer(UUID.randomUUID()),
                null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/notifications/deliveries?status=LOST", TestTokens.admin(), null)
                .statusCode()).isEqualTo(400);

        // Once the provider is back, an admin sends it again.
        SMS.reset(200);
        assertThat(send("POST", "/api/v1/admin/notifications/deliveries/" + delivery.path("id").asString() + "/retry",
                TestTokens.admin(), null).statusCode()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), "the retried SMS is sent", () -> status(eventId, "SMS").equals("SENT"));
    }

    @Test
    void theCircuitBreakerOpensAndStopsCallingAFailingProvider() throws Exception {
        SMS.reset(503);
        for (int i = 0; i < 4; i++) {
            publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                    Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        }
        Await.until(Duration.ofSeconds(20), "the breaker opens",
                () -> dispatcher.breaker(Channel.SMS).getState() == CircuitBreaker.State.OPEN);
        int callsWhenOpened = SMS.requests().size();
        assertThat(callsWhenOpened).isEqualTo(4);

        Await.until(Duration.ofSeconds(10), "every SMS waits for the breaker", () -> jdbc.sql("""
                SELECT count(*) FROM delivery WHERE channel = 'SMS' AND status = 'PENDING'
                AND last_error LIKE 'circuit breaker open%'""").query(Long.class).single() >= 1);
        Thread.sleep(1_000);
        // Retries keep coming due, but none reaches the provider while the breaker is open, and none is FAILED.
        assertThat(SMS.requests()).hasSize(callsWhenOpened);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE channel = 'SMS' AND status = 'FAILED'")
                .query(Long.class).single()).isZero();
    }

    private String status(UUID sourceId, String channel) {
        return jdbc.sql("SELECT status FROM delivery WHERE source_id = ? AND channel = ?").params(sourceId, channel)
                .query(String.class).optional().orElse("NONE");
    }
}
