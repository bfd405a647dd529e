package org.boxoffice.analytics.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * analytics-service's own copies of the booking-service events it reads (version 1, docs/analytics.md). Fields it
 * does not use are left out; unknown fields are ignored, so additive changes by the producer need nothing here.
 * The capacity comes from {@code EventPublished}, sent once when the event goes on sale, and from
 * {@code EventCapacityAdded} when the organizer adds tickets to an area.
 */
final class BookingEvents {

    private BookingEvents() {
    }

    record EventPublished(UUID eventId, UUID organizationId, String title, int capacity) {
    }

    /** The organizer added tickets to an area: {@code capacity} is the event's capacity after it. */
    record EventCapacityAdded(UUID eventId, UUID organizationId, int capacity) {
    }

    record HoldPlaced(UUID holdId, UUID eventId, UUID organizationId, int quantity, Instant placedAt) {
    }

    record HoldReleased(UUID holdId, UUID eventId, UUID organizationId, int quantity, String reason,
            Instant releasedAt) {
    }

    /** {@code promoCodeId}, {@code promoCode}: the discount code used; null without one and in older events. */
    record OrderPlaced(UUID orderId, @Nullable UUID holdId, UUID eventId, UUID organizationId, int quantity,
            long totalMinor, String currency, Instant placedAt, @Nullable UUID promoCodeId,
            @Nullable String promoCode) {
    }

    /**
     * {@code discountMinor}: the order's discount (null in events from before booking sent it); {@code promoCodeId},
     * {@code promoCode}: the discount code used, null without one and in events from before booking sent them.
     */
    record OrderConfirmed(UUID orderId, UUID eventId, UUID organizationId, @Nullable String eventTitle,
            long totalMinor, String currency, Instant confirmedAt, List<Ticket> tickets, @Nullable Long discountMinor,
            @Nullable UUID promoCodeId, @Nullable String promoCode) {
    }

    /** The charge fields are the ticket's share of its order line; absent in events from before booking sent them. */
    record Ticket(UUID ticketId, UUID sectionId, String sectionName, String tierName, long priceMinor,
            @Nullable Long discountMinor, @Nullable Long feeMinor, @Nullable Long taxMinor, @Nullable Long paidMinor) {
    }

    record OrderExpired(UUID orderId, UUID eventId, UUID organizationId, int quantity, long totalMinor,
            String currency, Instant expiredAt) {
    }

    record OrderCancelled(UUID orderId, UUID eventId, UUID organizationId, String reason, long refundMinor,
            String currency, Instant cancelledAt) {
    }

    record EventCancelled(UUID eventId, UUID organizationId, @Nullable String title, Instant cancelledAt) {
    }
}
