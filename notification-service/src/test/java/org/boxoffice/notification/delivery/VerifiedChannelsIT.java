package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.platform.security.VerificationCodes;
import org.boxoffice.platform.testing.TestEventKeys;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5 of issue #20: messages reach only channels their owner proved, a few at a time. Before the address is
 * verified a buyer's address gets receipts only (the confirmed order without its tickets, a refund) — no tickets, no
 * expiry, payment or organizer notices; a phone number gets nothing until it is confirmed with a code; a buyer's own
 * cancellation of an unpaid order sends nothing; and every buyer and every address has a cap, which holds when many
 * messages are planned at once.
 */
class VerifiedChannelsIT extends NotificationTesting {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Outgoing outgoing;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Dispatcher dispatcher;

    /** Another test class may have left a breaker open (for an hour). */
    @org.junit.jupiter.api.BeforeEach
    void closedBreakers() {
        for (Channel channel : Channel.values()) {
            dispatcher.breaker(channel).reset();
        }
    }

    @Test
    void anUnverifiedAddressGetsReceiptsButNoTicketsOrNoticesUntilItIsVerified() throws Exception {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID confirmed = publish("booking-service", "OrderConfirmed", order.toString(), Fixtures.orderConfirmed(order,
                UUID.randomUUID(), UUID.randomUUID(), buyer, "victim@example.com", "TK-RCPT-0001"));
        UUID expired = publish("booking-service", "OrderExpired", UUID.randomUUID().toString(), expiredOrder(buyer,
                "victim@example.com"));
        UUID failed = publish("payment-service", "PaymentFailed", order.toString(),
                Fixtures.paymentFailed(order, buyer));
        UUID refunded = publish("booking-service", "OrderCancelled", order.toString(), cancelled(order, buyer,
                "victim@example.com", "ORGANIZER", 4_550));
        awaitConsumed(confirmed, expired, failed, refunded);

        Await.until(Duration.ofSeconds(20), "the receipts arrive", () -> subjects("victim@example.com").size() == 2);
        assertThat(subjects("victim@example.com")).containsExactlyInAnyOrder("Your order for Surge Night is confirmed",
                "Your order for Surge Night was cancelled");
        MimeMessage receipt = mail("victim@example.com", "Your order for Surge Night is confirmed");
        assertThat(plainText(receipt)).contains("€45.50").contains("Confirm this email address")
                .doesNotContain("TK-RCPT-0001");
        assertThat(hasPdf(receipt)).as("no tickets attached").isFalse();
        assertThat(deliveries(expired)).as("an expiry is no receipt").isZero();
        assertThat(deliveries(failed)).as("nor is a failed payment").isZero();

        verifiedEmail(buyer, "victim@example.com");
        UUID next = UUID.randomUUID();
        publish("booking-service", "OrderConfirmed", next.toString(), Fixtures.orderConfirmed(next, UUID.randomUUID(),
                UUID.randomUUID(), buyer, "victim@example.com", "TK-RCPT-0002"));
        Await.until(Duration.ofSeconds(20), "the tickets arrive", () -> subjects("victim@example.com").contains(
                "Your tickets for Surge Night"));
        assertThat(plainText(mail("victim@example.com", "Your tickets for Surge Night"))).contains("TK-RCPT-0002");
        assertThat(hasPdf(mail("victim@example.com", "Your tickets for Surge Night"))).isTrue();
    }

    @Test
    void aBuyerCancellingTheirUnpaidOrderIsSentNothingHoweverOftenTheyDoIt() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "looper@example.com");
        List<UUID> cancellations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID order = UUID.randomUUID();
            cancellations.add(publish("booking-service", "OrderCancelled", order.toString(), cancelled(order, buyer,
                    "looper@example.com", "BUYER", 0)));
        }

        awaitConsumed(cancellations.toArray(UUID[]::new));

        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE buyer_id = ?").param(buyer).query(Long.class).single())
                .isZero();
    }

    @Test
    void anEmailCodeGoesToTheAddressBeingVerifiedAndNeitherTheEventNorTheLogHoldsIt() throws Exception {
        UUID account = UUID.randomUUID();
        UUID verification = UUID.randomUUID();
        UUID eventId = publish("user-service", "EmailVerificationRequested", account.toString(),
                emailCode(verification, account, "new.buyer@example.com"));

        Await.until(Duration.ofSeconds(20), "the code arrives", () -> subjects("new.buyer@example.com").size() == 1);
        String code = new VerificationCodes(TestEventKeys.VERIFICATION_CODE_KEY).code(verification,
                "new.buyer@example.com");
        MimeMessage mail = mail("new.buyer@example.com", "Your Boxoffice confirmation code");
        assertThat(plainText(mail)).contains("Your code to confirm this email address for Boxoffice is " + code);
        assertThat(jdbc.sql("SELECT payload FROM delivery WHERE source_id = ?").param(eventId).query(String.class)
                .single()).doesNotContain(code);
    }

    @Test
    void aBuyerAndAnAddressHaveCapsAndWhatIsOverThemIsSuppressedNotSent() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "flooded@example.com");
        List<UUID> expiries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            expiries.add(publish("booking-service", "OrderExpired", UUID.randomUUID().toString(),
                    expiredOrder(buyer, "flooded@example.com")));
        }
        awaitConsumed(expiries.toArray(UUID[]::new));

        assertThat(statuses(buyer)).as("20 emails an hour per buyer").containsEntry("SUPPRESSED", 4L)
                .doesNotContainKey("FAILED");
        assertThat(jdbc.sql("SELECT last_error FROM delivery WHERE buyer_id = ? AND status = 'SUPPRESSED' LIMIT 1")
                .param(buyer).query(String.class).single()).contains("20 EMAIL messages in the last hour");

        // One address, many accounts (each asking for a code): the address's own cap.
        List<UUID> codes = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            UUID account = UUID.randomUUID();
            codes.add(publish("user-service", "EmailVerificationRequested", account.toString(),
                    emailCode(UUID.randomUUID(), account, "target@example.com")));
        }
        awaitConsumed(codes.toArray(UUID[]::new));
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = 'target@example.com' AND status <> 'SUPPRESSED'")
                .query(Long.class).single()).as("40 emails a day per address").isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE recipient = 'target@example.com' AND status = 'SUPPRESSED'")
                .query(Long.class).single()).isEqualTo(4);
        awaitAllSent(buyer);
    }

    @Test
    void theBuyersCapHoldsWhenManyMessagesArePlannedAtOnce() throws Exception {
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "racer@example.com");
        String payload = expiredOrder(buyer, "racer@example.com");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> planned = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                planned.add(pool.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(status -> outgoing.toBuyer(UUID.randomUUID(),
                            MessageKind.ORDER_EXPIRED, buyer, "racer@example.com", payload, Outgoing.Reach.VERIFIED));
                    return null;
                }));
            }
            start.countDown();
        }
        for (Future<?> future : planned) {
            future.get();
        }

        assertThat(statuses(buyer).entrySet().stream().filter(e -> !e.getKey().equals("SUPPRESSED"))
                .mapToLong(Map.Entry::getValue).sum()).as("exactly the cap, however they interleave").isEqualTo(20);
        assertThat(statuses(buyer)).containsEntry("SUPPRESSED", 10L);
        awaitAllSent(buyer);
    }

    @Test
    void aPhoneNumberGetsNoTextUntilItsOwnerTypesBackTheCodeSentToIt() throws Exception {
        UUID buyer = UUID.randomUUID();
        String phone = "+49152" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        verifiedEmail(buyer, "phoebe@example.com");
        String token = TestTokens.token().subject(buyer).email("phoebe@example.com").roles("BUYER").sign();
        String path = "/api/v1/notifications/preferences";
        assertThat(send("PUT", path, token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false,"phone":"%s"}""".formatted(phone)).statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(send("GET", path, token, null).body()).path("phoneVerified").asBoolean()).isFalse();

        UUID before = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        awaitConsumed(before);
        assertThat(channels(before)).containsExactly("EMAIL");

        var sent = send("POST", path + "/phone-verification", token, null);
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(sent.body()).path("channel").asString()).isEqualTo("SMS");
        String code = awaitCode(phone);
        var again = send("POST", path + "/phone-verification", token, null);
        assertThat(again.statusCode()).as("one code a minute").isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.sql("SELECT code_hash FROM phone_verification WHERE buyer_id = ?").param(buyer)
                .query(String.class).single()).isNotEqualTo(code).hasSize(64);

        var wrong = send("POST", path + "/phone-verification/confirm", token,
                "{\"code\":\"" + (code.equals("000000") ? "000001" : "000000") + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(wrong.body()).path("attemptsLeft").asInt()).isEqualTo(4);
        var right = send("POST", path + "/phone-verification/confirm", token, "{\"code\":\"" + code + "\"}");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(right.body()).path("phoneVerified").asBoolean()).isTrue();

        UUID after = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        awaitConsumed(after);
        assertThat(channels(after)).containsExactlyInAnyOrder("EMAIL", "SMS");

        // A new number starts unconfirmed.
        assertThat(send("PUT", path, token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false,"phone":"+4915199999999"}""").statusCode())
                .isEqualTo(200);
        UUID moved = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        awaitConsumed(moved);
        assertThat(channels(moved)).containsExactly("EMAIL");
    }

    @Test
    void aCodeAllowsFiveGuessesEvenWhenTheyArriveAllAtOnceAndExpires() throws Exception {
        UUID buyer = UUID.randomUUID();
        String phone = "+49153" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String token = TestTokens.token().subject(buyer).email("guesser@example.com").roles("BUYER").sign();
        String path = "/api/v1/notifications/preferences";
        send("PUT", path, token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false,"phone":"%s"}""".formatted(phone));
        assertThat(send("POST", path + "/phone-verification", token, null).statusCode()).isEqualTo(202);
        String code = awaitCode(phone);
        String wrongCode = code.equals("123456") ? "654321" : "123456";

        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> guesses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                guesses.add(pool.submit(() -> {
                    start.await();
                    return JSON.readTree(send("POST", path + "/phone-verification/confirm", token,
                            "{\"code\":\"" + wrongCode + "\"}").body());
                }));
            }
            start.countDown();
        }
        List<String> types = new ArrayList<>();
        for (Future<JsonNode> guess : guesses) {
            types.add(guess.get().path("type").asString());
        }

        assertThat(types).filteredOn(t -> t.endsWith("/invalid-verification-code")).hasSize(5);
        assertThat(types).filteredOn(t -> t.endsWith("/verification-code-expired")).hasSize(7);
        var tooLate = send("POST", path + "/phone-verification/confirm", token, "{\"code\":\"" + code + "\"}");
        assertThat(JSON.readTree(tooLate.body()).path("type").asString()).as("the right code, after five wrong ones")
                .endsWith("/verification-code-expired");

        jdbc.sql("UPDATE phone_verification SET created_at = created_at - interval '2 minutes' WHERE buyer_id = ?")
                .param(buyer).update();
        SMS.reset(200);
        assertThat(send("POST", path + "/phone-verification", token, null).statusCode()).isEqualTo(202);
        String fresh = awaitCode(phone);
        jdbc.sql("UPDATE phone_verification SET expires_at = now() - interval '1 second' WHERE buyer_id = ?")
                .param(buyer).update();
        var expired = send("POST", path + "/phone-verification/confirm", token, "{\"code\":\"" + fresh + "\"}");
        assertThat(JSON.readTree(expired.body()).path("type").asString()).endsWith("/verification-code-expired");
    }

    private void awaitConsumed(UUID... eventIds) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), "the events are consumed", () -> jdbc.sql(
                "SELECT count(*) FROM inbox_event WHERE event_id = ANY(?)").param(eventIds).query(Long.class)
                .single() == eventIds.length);
    }

    /** Until nothing of this test is left to send, so that none of its mail lands in another's mailbox. */
    private void awaitAllSent(UUID buyer) throws InterruptedException {
        Await.until(Duration.ofSeconds(60), "every planned message is sent", () -> jdbc.sql("""
                SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'SENDING')
                   AND (buyer_id = ? OR recipient = 'target@example.com')""").param(buyer).query(Long.class)
                .single() == 0);
    }

    private long deliveries(UUID sourceId) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE source_id = ?").param(sourceId).query(Long.class).single();
    }

    private List<String> channels(UUID sourceId) {
        return jdbc.sql("SELECT channel FROM delivery WHERE source_id = ?").param(sourceId).query(String.class).list();
    }

    private Map<String, Long> statuses(UUID buyer) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, count(*) FROM delivery WHERE buyer_id = ? GROUP BY status").param(buyer)
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static boolean hasPdf(jakarta.mail.Part part) {
        try {
            if (part.isMimeType("application/pdf")) {
                return true;
            }
            if (part.isMimeType("multipart/*")) {
                jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (hasPdf(multipart.getBodyPart(i))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mail to one address only: other tests' deliveries may still be going out. */
    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> subjects(String address) {
        return mailsTo(address).stream().map(VerifiedChannelsIT::subject).toList();
    }

    private static MimeMessage mail(String address, String subject) {
        return mailsTo(address).stream().filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expiredOrder(UUID buyer, String email) {
        return """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"%s",
                 "eventTitle":"Surge Night","quantity":2,"totalMinor":9100,"currency":"EUR",
                 "expiredAt":"2026-11-23T11:00:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), buyer, email);
    }

    private static String cancelled(UUID order, UUID buyer, String email, String reason, long refund) {
        return """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"%s",
                 "eventTitle":"Surge Night","reason":"%s","refundMinor":%d,"currency":"EUR",
                 "cancelledAt":"2026-11-23T11:00:00Z"}""".formatted(order, UUID.randomUUID(), UUID.randomUUID(), buyer,
                email, reason, refund);
    }

    private static String emailCode(UUID verification, UUID account, String email) {
        return """
                {"verificationId":"%s","accountId":"%s","email":"%s","expiresAt":"%s","minutes":30}"""
                .formatted(verification, account, email, Instant.now().plusSeconds(1800));
    }
}
