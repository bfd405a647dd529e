package org.boxoffice.notification.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * notification-service's own copies of the booking and payment events it reads (v1 of each; docs/events.md). No
 * shared event module: the producer may add fields, and unknown ones are ignored.
 */
public final class SaleEvents {

    private SaleEvents() {
    }

    public record OrderPlaced(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId) {
    }

    public record Ticket(UUID ticketId, String code, String qrPayload, @Nullable UUID sectionId, String sectionName,
            @Nullable String row, @Nullable String seat, String tierName, long priceMinor) {
    }

    public record OrderConfirmed(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, Instant eventStartsAt, String eventTimezone, String venueName, String venueCity,
            long totalMinor, String currency, Instant confirmedAt, List<Ticket> tickets) {
    }

    public record OrderExpired(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, int quantity, long totalMinor, String currency, Instant expiredAt) {
    }

    public record OrderCancelled(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, String reason, long refundMinor, String currency, Instant cancelledAt) {
    }

    public record EventCancelled(UUID eventId, UUID organizationId, String title, Instant startsAt,
            Instant cancelledAt) {
    }

    /** Tickets given back were offered to the buyer's place in a waiting list, to claim before {@code expiresAt}. */
    public record WaitingListOffered(UUID offerId, UUID entryId, UUID eventId, UUID organizationId, UUID buyerId,
            String buyerEmail, String eventTitle, int quantity, Instant expiresAt) {
    }

    public record PaymentFailed(UUID paymentId, UUID orderId, UUID buyerId, String reason) {
    }
}
