package org.boxoffice.notification.announcement;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.delivery.VerifiedEmails;
import org.boxoffice.notification.sale.Audience;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Organizer announcements go to every holder in batches on their own lane; preferences refuse bad input precisely. */
class AnnouncementIT extends NotificationTesting {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int HOLDERS = 30;

    @Autowired
    Audience audience;
    @Autowired
    Contacts contacts;
    @Autowired
    VerifiedEmails verifiedEmails;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAnnouncementReachesEveryHolderWithAVerifiedAddressInBatchesWhileTicketsStillGoOutPromptly()
            throws Exception {
        UUID org = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audience.event(event, org, "Surge Night", Instant.now());
            for (int i = 0; i < HOLDERS; i++) {
                UUID buyer = UUID.randomUUID();
                contacts.remember(buyer, "holder" + i + "@example.com", Instant.now());
                verifiedEmails.remember(buyer, "holder" + i + "@example.com", Instant.now());
                audience.holder(UUID.randomUUID(), event, buyer, 2, Instant.now());
            }
            // Holders whose address was never verified: an organizer's announcement is not a receipt.
            for (int i = 0; i < 3; i++) {
                UUID buyer = UUID.randomUUID();
                contacts.remember(buyer, "unverified" + i + "@example.com", Instant.now());
                audience.holder(UUID.randomUUID(), event, buyer, 1, Instant.now());
            }
        });

        var accepted = send("POST", "/api/v1/admin/notifications/events/" + event + "/announcements",
                TestTokens.organizer(org), """
                {"subject":"Doors open at 19:00","body":"Doors open an hour early.\\nBring your ID."}""");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).path("recipients").asInt()).isEqualTo(HOLDERS);

        UUID order = UUID.randomUUID();
        publish("booking-service", "OrderConfirmed", order.toString(), Fixtures.orderConfirmed(order, event, org,
                UUID.randomUUID(), "late.buyer@example.com", "TK-LATE-0001"));
        Await.until(Duration.ofSeconds(20), "the new buyer's tickets arrive", () -> received("late.buyer@example.com") == 1);
        // Sent while the announcement was still going out batch by batch: the bulk lane did not hold it up.
        assertThat(countSubject("Surge Night: Doors open at 19:00")).isLessThan(HOLDERS);

        Await.until(Duration.ofSeconds(30), "every holder has the announcement",
                () -> countSubject("Surge Night: Doors open at 19:00") == HOLDERS);
        for (int i = 0; i < HOLDERS; i++) {
            assertThat(received("holder" + i + "@example.com")).as("holder %d", i).isEqualTo(1);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(received("unverified" + i + "@example.com")).as("unverified holder %d", i).isZero();
        }
        Instant first = jdbc.sql("SELECT min(sent_at) FROM delivery WHERE kind = 'ANNOUNCEMENT'").query(Timestamp.class)
                .single().toInstant();
        Instant last = jdbc.sql("SELECT max(sent_at) FROM delivery WHERE kind = 'ANNOUNCEMENT'").query(Timestamp.class)
                .single().toInstant();
        // Three batches of ten with a 400 ms pause between them.
        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void onlyTheEventsOrganizerMayAnnounce() throws Exception {
        UUID org = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audience.event(event, org, "Quiet Night", Instant.now()));
        String body = """
                {"subject":"Hello","body":"Hi all"}""";
        String path = "/api/v1/admin/notifications/events/" + event + "/announcements";

        var otherOrganizer = send("POST", path, TestTokens.organizer(UUID.randomUUID()), body);
        assertThat(otherOrganizer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(otherOrganizer.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/event-not-found");
        assertThat(send("POST", "/api/v1/admin/notifications/events/" + UUID.randomUUID() + "/announcements",
                TestTokens.admin(), body).statusCode()).isEqualTo(404);
        assertThat(send("POST", path, TestTokens.buyer(), body).statusCode()).isEqualTo(403);
        var blank = JSON.readTree(send("POST", path, TestTokens.organizer(org), """
                {"subject":" ","body":"Hi all"}""").body());
        assertThat(blank.path("status").asInt()).isEqualTo(400);
        assertThat(blank.path("errors").get(0).path("field").asString()).isEqualTo("subject");
        assertThat(send("POST", path, TestTokens.organizer(org), body).statusCode()).isEqualTo(202);
    }

    @Test
    void preferencesRefuseBadInputNamingTheField() throws Exception {
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String path = "/api/v1/notifications/preferences";

        JsonNode defaults = JSON.readTree(send("GET", path, buyer, null).body());
        assertThat(defaults.path("locale").asString()).isEqualTo("en");
        assertThat(defaults.path("smsOptIn").asBoolean()).isFalse();

        assertField(send("PUT", path, buyer, """
                {"locale":"fr","smsOptIn":false,"whatsappOptIn":false}"""), 400, "locale", "must be one of [en, de]");
        assertField(send("PUT", path, buyer, """
                {"locale":"english","smsOptIn":false,"whatsappOptIn":false}"""), 400, "locale", "two-letter");
        assertField(send("PUT", path, buyer, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false}"""), 400, "phone", "required");
        assertField(send("PUT", path, buyer, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":false,"phone":"0151 123"}"""), 400, "phone", "E.164");
        assertField(send("PUT", path, buyer, """
                {"locale":"en","whatsappOptIn":false}"""), 400, "smsOptIn", "");
        var wrongType = send("PUT", path, buyer, """
                {"locale":"en","smsOptIn":"yes please","whatsappOptIn":false}""");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/malformed-request");
        assertThat(send("PUT", path, null, "{}").statusCode()).isEqualTo(401);

        var saved = send("PUT", path, buyer, """
                {"locale":"de","smsOptIn":false,"whatsappOptIn":true,"phone":"+4915112345678"}""");
        assertThat(saved.statusCode()).isEqualTo(200);
        JsonNode read = JSON.readTree(send("GET", path, buyer, null).body());
        assertThat(read.path("locale").asString()).isEqualTo("de");
        assertThat(read.path("whatsappOptIn").asBoolean()).isTrue();
        assertThat(read.path("phone").asString()).isEqualTo("+4915112345678");
    }

    private static void assertField(java.net.http.HttpResponse<String> response, int status, String field,
            String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asString()).contains(message);
    }

    private static long received(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static long countSubject(String subject) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return subject.equals(mail.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
