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

    /**
     * {@code discountMinor}, {@code feeMinor}, {@code taxMinor} and {@code paidMinor}: the ticket's share of its order
     * line (null in events from before booking sent them, and on a transferred ticket).
     */
    public record Ticket(UUID ticketId, String code, String qrPayload, @Nullable UUID sectionId, String sectionName,
            @Nullable String row, @Nullable String seat, String tierName, long priceMinor,
            @Nullable Long discountMinor, @Nullable Long feeMinor, @Nullable Long taxMinor, @Nullable Long paidMinor) {

        public Ticket(UUID ticketId, String code, String qrPayload, @Nullable UUID sectionId, String sectionName,
                @Nullable String row, @Nullable String seat, String tierName, long priceMinor) {
            this(ticketId, code, qrPayload, sectionId, sectionName, row, seat, tierName, priceMinor, null, null, null,
                    null);
        }
    }

    /**
     * The order's invoice: its number and {@code pdfToken}, with which its PDF is fetched from booking-service
     * ({@link BookingInvoices}). Events from before booking sent the token carry the PDF itself instead, base64, as
     * {@code pdf}.
     */
    public record Invoice(UUID invoiceId, String number, @Nullable String pdfToken, @Nullable String pdf) {
    }

    /**
     * The tax and fee fields and {@code invoice} are absent in events from before booking sent them (null here).
     */
    public record OrderConfirmed(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, Instant eventStartsAt, String eventTimezone, String venueName, String venueCity,
            long totalMinor, String currency, Instant confirmedAt, List<Ticket> tickets,
            @Nullable Long feeMinor, @Nullable Long taxMinor, @Nullable String taxLabel,
            @Nullable Integer taxRateBasisPoints, @Nullable Boolean taxIncluded, @Nullable Invoice invoice) {

        public OrderConfirmed(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
                String eventTitle, Instant eventStartsAt, String eventTimezone, String venueName, String venueCity,
                long totalMinor, String currency, Instant confirmedAt, List<Ticket> tickets) {
            this(orderId, eventId, organizationId, buyerId, buyerEmail, eventTitle, eventStartsAt, eventTimezone,
                    venueName, venueCity, totalMinor, currency, confirmedAt, tickets, null, null, null, null, null,
                    null);
        }
    }

    /** A ticket its buyer handed to {@code recipientEmail}: {@code ticket} is the new one, with its new QR payload. */
    public record TicketTransferred(UUID ticketId, UUID previousTicketId, UUID orderId, UUID eventId,
            UUID organizationId, UUID buyerId, String recipientEmail, String eventTitle, Instant eventStartsAt,
            String eventTimezone, String venueName, String venueCity, String currency, Ticket ticket,
            Instant transferredAt) {
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

    /**
     * {@code retryable}: nothing was charged and the order stays payable, so the buyer is told to pay again rather than
     * that the order ended. Absent in events written before the field existed (read as false, which they meant).
     */
    public record PaymentFailed(UUID paymentId, UUID orderId, UUID buyerId, String reason,
            @Nullable Boolean retryable) {

        public boolean mayPayAgain() {
            return Boolean.TRUE.equals(retryable);
        }
    }
}
