package org.boxoffice.booking.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Version 1 of every event booking-service publishes. The record's simple name is the event type; consumers keep
 * their own copies of the ones they read. Money is integer minor units plus an ISO-4217 currency.
 */
public sealed interface Published {

    /** The aggregate the event is about: the order, hold, event or ticket id. */
    String key();

    default int version() {
        return 1;
    }

    /**
     * Tickets given back were offered to a buyer in the event's waiting list: theirs to claim until {@code expiresAt}
     * ({@code seated}: specific seats of the section; else tickets of a general-admission area).
     */
    record WaitingListOffered(UUID offerId, UUID entryId, UUID eventId, UUID organizationId, UUID buyerId,
            String buyerEmail, String eventTitle, UUID sectionId, boolean seated, int quantity, Instant offeredAt,
            Instant expiresAt) implements Published {
        public String key() {
            return offerId.toString();
        }
    }

    record HoldPlaced(UUID holdId, UUID eventId, UUID organizationId, UUID buyerId, int quantity,
            List<UUID> sectionIds, Instant placedAt, Instant expiresAt) implements Published {
        public String key() {
            return holdId.toString();
        }
    }

    /** {@code reason}: BUYER, EXPIRED or ORGANIZER (which includes a cancelled event). */
    record HoldReleased(UUID holdId, UUID eventId, UUID organizationId, UUID buyerId, int quantity, String reason,
            Instant releasedAt) implements Published {
        public String key() {
            return holdId.toString();
        }
    }

    /**
     * {@code promoCodeId} and {@code promoCode} name the discount code the order was checked out with (both null
     * without one; added to version 1 as optional fields, so consumers of events from before them read null).
     */
    record OrderPlaced(UUID orderId, UUID holdId, UUID eventId, UUID organizationId, UUID buyerId, int quantity,
            long totalMinor, String currency, Instant placedAt, Instant paymentDue, @Nullable UUID promoCodeId,
            @Nullable String promoCode) implements Published {
        public String key() {
            return orderId.toString();
        }
    }

    /**
     * {@code feeMinor} and {@code taxMinor} are the order's service fees and tax ({@code taxIncluded}: contained in
     * {@code totalMinor}, else added to it); {@code invoice} is the order's invoice, numbered as the confirmation
     * commits, with the token to fetch its PDF; {@code promoCodeId} and {@code promoCode} the discount code it was
     * checked out with, whose discount is {@code discountMinor} (both null without one, and in events from before
     * they were added to version 1).
     */
    record OrderConfirmed(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, Instant eventStartsAt, String eventTimezone, String venueName, String venueCity,
            long totalMinor, String currency, Instant confirmedAt, List<Ticket> tickets, long discountMinor,
            long feeMinor, long taxMinor, String taxLabel, int taxRateBasisPoints, boolean taxIncluded,
            @Nullable Invoice invoice, @Nullable UUID promoCodeId, @Nullable String promoCode) implements Published {
        public String key() {
            return orderId.toString();
        }
    }

    /**
     * A ticket; {@code priceMinor} is its tier's price, and of what the buyer paid for it ({@code paidMinor}: the
     * price less {@code discountMinor} plus {@code feeMinor}, plus {@code taxMinor} when the tax is added) the shares
     * of its order line (null on a transferred ticket's message, which carries no money).
     */
    record Ticket(UUID ticketId, String code, String qrPayload, UUID sectionId, String sectionName,
            @Nullable String row, @Nullable String seat, String tierName, long priceMinor,
            @Nullable Long discountMinor, @Nullable Long feeMinor, @Nullable Long taxMinor, @Nullable Long paidMinor) {
    }

    /**
     * The order's invoice: its number, and the token that opens its PDF for a service sending it on
     * ({@code GET /internal/v1/invoices/{invoiceId}/pdf} with header {@code Invoice-Token}; docs/commerce.md#invoices).
     * Events from before it carried the PDF itself, base64, as {@code pdf} (consumers still read those).
     */
    record Invoice(UUID invoiceId, String number, String pdfToken) {
    }

    /**
     * A ticket handed by its buyer to {@code recipientEmail}: {@code ticket} is the new one (new code and QR payload),
     * {@code previousTicketId} the one it replaced, which admits nobody from now on.
     */
    record TicketTransferred(UUID ticketId, UUID previousTicketId, UUID orderId, UUID eventId, UUID organizationId,
            UUID buyerId, String recipientEmail, String eventTitle, Instant eventStartsAt, String eventTimezone,
            String venueName, String venueCity, String currency, Ticket ticket, Instant transferredAt)
            implements Published {
        public String key() {
            return ticketId.toString();
        }
    }

    record OrderExpired(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, int quantity, long totalMinor, String currency, Instant expiredAt) implements Published {
        public String key() {
            return orderId.toString();
        }
    }

    /** {@code reason}: BUYER, ORGANIZER, EVENT_CANCELLED or PAID_AFTER_EXPIRY. */
    record OrderCancelled(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, String reason, long refundMinor, String currency, Instant cancelledAt)
            implements Published {
        public String key() {
            return orderId.toString();
        }
    }

    /**
     * Sent once, when an event goes on sale: its seat map is frozen from then on; its areas' capacities can only grow
     * ({@link EventCapacityAdded}).
     */
    record EventPublished(UUID eventId, UUID organizationId, String title, Instant startsAt, int capacity,
            Instant publishedAt) implements Published {
        public String key() {
            return eventId.toString();
        }
    }

    /**
     * The organizer added {@code added} tickets to the general-admission area {@code sectionId} of a published event;
     * {@code capacity} is the event's capacity after it (its seats and its areas' capacities).
     */
    record EventCapacityAdded(UUID eventId, UUID organizationId, UUID sectionId, int added, int capacity,
            Instant addedAt) implements Published {
        public String key() {
            return eventId.toString();
        }
    }

    record EventCancelled(UUID eventId, UUID organizationId, String title, Instant startsAt, Instant cancelledAt)
            implements Published {
        public String key() {
            return eventId.toString();
        }
    }

    record TicketCheckedIn(UUID ticketId, UUID orderId, UUID eventId, UUID organizationId, Instant checkedInAt)
            implements Published {
        public String key() {
            return ticketId.toString();
        }
    }

    /**
     * Asks payment-service to give money back. {@code amountMinor} null means everything captured for the order;
     * {@code paymentId}, when set, names the one payment to refund (a second payment for an already paid order).
     */
    record RefundRequested(UUID orderId, UUID buyerId, @Nullable Long amountMinor, String currency, String reason,
            @Nullable UUID paymentId) implements Published {
        public String key() {
            return orderId.toString();
        }
    }
}
