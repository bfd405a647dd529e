package org.boxoffice.notification.sale;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rest of the sale: expiries, cancellations with their refund, and a cancelled event told to its holders. */
class SaleMessagesIT extends NotificationTesting {

    @Test
    void aCancelledEventReachesTheHoldersWhoStillHoldTicketsAndACancelledOrderSaysItsRefund() throws Exception {
        UUID org = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID keeper = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        verifiedEmail(keeper, "keeper@example.com");
        verifiedEmail(leaver, "leaver@example.com");
        UUID keptOrder = UUID.randomUUID();
        UUID leftOrder = UUID.randomUUID();
        publish("booking-service", "OrderConfirmed", keptOrder.toString(),
                Fixtures.orderConfirmed(keptOrder, event, org, keeper, "keeper@example.com", "TK-KEEP-0001"));
        publish("booking-service", "OrderConfirmed", leftOrder.toString(),
                Fixtures.orderConfirmed(leftOrder, event, org, leaver, "leaver@example.com", "TK-LEFT-0001"));
        publish("booking-service", "OrderCancelled", leftOrder.toString(), """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"leaver@example.com",
                 "eventTitle":"Surge Night","reason":"BUYER","refundMinor":4550,"currency":"EUR",
                 "cancelledAt":"2026-11-23T11:00:00Z"}""".formatted(leftOrder, event, org, leaver));
        Await.until(Duration.ofSeconds(20), "tickets and the cancellation are sent", () -> mails().size() == 3);
        publish("booking-service", "EventCancelled", event.toString(), """
                {"eventId":"%s","organizationId":"%s","title":"Surge Night","startsAt":"2026-12-24T20:00:00Z",
                 "cancelledAt":"2026-11-23T12:00:00Z"}""".formatted(event, org));
        Await.until(Duration.ofSeconds(20), "the event cancellation is sent", () -> subjects().contains(
                "Surge Night is cancelled"));
        Thread.sleep(500);

        assertThat(to("Surge Night is cancelled")).containsExactly("keeper@example.com");
        assertThat(to("Your order for Surge Night was cancelled")).containsExactly("leaver@example.com");
        MimeMessage cancellation = mails().stream().filter(m -> subject(m).equals("Your order for Surge Night was cancelled"))
                .findFirst().orElseThrow();
        assertThat(plainText(cancellation))
                .contains("We refund €45.50").contains("at your request");
    }

    @Test
    void anExpiredOrderTellsTheBuyerNothingWasCharged() throws Exception {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        verifiedEmail(buyer, "slow@example.com");
        publish("booking-service", "OrderExpired", order.toString(), """
                {"orderId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s","buyerEmail":"Slow@Example.com",
                 "eventTitle":"Surge Night","quantity":2,"totalMinor":9100,"currency":"EUR",
                 "expiredAt":"2026-11-23T11:00:00Z"}""".formatted(order, UUID.randomUUID(), UUID.randomUUID(),
                buyer));
        Await.until(Duration.ofSeconds(20), "the expiry is sent", () -> mails().size() == 1);
        assertThat(subject(mails().getFirst())).isEqualTo("Your order for Surge Night has expired");
        assertThat(plainText(mails().getFirst()))
                .contains("You have not been charged").contains(order.toString().substring(0, 8).toUpperCase());
    }

    @Test
    void aFailedPaymentSaysWhetherTheBuyerMayPayAgainOrTheOrderEnded() throws Exception {
        UUID unreachable = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        verifiedEmail(unreachable, "again@example.com");
        verifiedEmail(declined, "ended@example.com");
        publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(), """
                {"paymentId":"%s","orderId":"%s","buyerId":"%s","reason":"provider_unavailable","retryable":true}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), unreachable));
        // An event written before "retryable" existed: it ended the order, and says so.
        publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), declined));
        Await.until(Duration.ofSeconds(20), "both are sent", () -> mails().size() == 2);

        assertThat(plainText(mailTo("again@example.com"))).contains("provider_unavailable")
                .contains("Nothing was charged and your seats stay held").doesNotContain("The order has ended");
        assertThat(plainText(mailTo("ended@example.com"))).contains("card_declined")
                .contains("The order has ended and its seats went back on sale").doesNotContain("stay held");
    }

    @Test
    void aWaitingListOfferTellsTheBuyerHowManyTicketsAreHeldForThemAndUntilWhen() throws Exception {
        UUID offer = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID unverified = UUID.randomUUID();
        verifiedEmail(buyer, "patient@example.com");
        publish("booking-service", "WaitingListOffered", offer.toString(), """
                {"offerId":"%s","entryId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s",
                 "buyerEmail":"patient@example.com","eventTitle":"Surge Night","sectionId":"%s","seated":true,
                 "quantity":2,"offeredAt":"2026-11-23T11:00:00Z","expiresAt":"2026-11-23T11:15:00Z"}"""
                .formatted(offer, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), buyer, UUID.randomUUID()));
        // Not a receipt: an address nobody verified gets nothing (the offer is on the buyer's page).
        UUID other = UUID.randomUUID();
        publish("booking-service", "WaitingListOffered", other.toString(), """
                {"offerId":"%s","entryId":"%s","eventId":"%s","organizationId":"%s","buyerId":"%s",
                 "buyerEmail":"stranger@example.com","eventTitle":"Surge Night","sectionId":"%s","seated":false,
                 "quantity":1,"offeredAt":"2026-11-23T11:00:00Z","expiresAt":"2026-11-23T11:15:00Z"}"""
                .formatted(other, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), unverified,
                        UUID.randomUUID()));
        Await.until(Duration.ofSeconds(20), "the offer is sent", () -> mails().size() == 1);
        Thread.sleep(500);

        assertThat(mails()).hasSize(1);
        assertThat(to("Tickets for Surge Night are waiting for you")).containsExactly("patient@example.com");
        assertThat(plainText(mails().getFirst())).contains("2 ticket(s) for Surge Night")
                .contains("November 23, 2026").contains("next person in line");
    }

    private static MimeMessage mailTo(String address) {
        return mails().stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }

    private static List<MimeMessage> mails() {
        return Arrays.asList(SMTP.getReceivedMessages());
    }

    private static List<String> subjects() {
        return mails().stream().map(SaleMessagesIT::subject).toList();
    }

    private static List<String> to(String subject) {
        return mails().stream().filter(m -> subject(m).equals(subject)).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
