package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checked-out hold: line items and a total computed on the server from the event's price tiers.
 *
 * @param paymentId     the payment that paid it, once one did
 * @param paidMinor     what that payment captured
 * @param refundedMinor what payment-service has reported refunded so far
 * @param cancelReason  why it was cancelled (BUYER, ORGANIZER, EVENT_CANCELLED, PAID_AFTER_EXPIRY, …)
 */
public record Order(UUID id, UUID eventId, UUID buyerId, String buyerEmail, UUID holdId, OrderStatus status,
        long totalMinor, Currency currency, int quantity, Instant createdAt, Instant paymentDue, Instant updatedAt,
        @Nullable UUID paymentId, long paidMinor, long refundedMinor, @Nullable String cancelReason,
        List<OrderLine> lines) {

    /**
     * The state after a cancellation: unpaid and free orders end, paid ones — partly refunded ones too — await the
     * refund of what is left.
     */
    OrderStatus cancelled() {
        return switch (status) {
            case PENDING_PAYMENT -> OrderStatus.CANCELLED;
            case CONFIRMED, PARTIALLY_REFUNDED -> paid() ? OrderStatus.REFUND_REQUESTED : OrderStatus.CANCELLED;
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        };
    }

    /** What a cancellation gives back: what was paid and not yet refunded. */
    long refundable() {
        return paid() ? paidMinor - refundedMinor : 0;
    }

    /** Whether money was taken for it. */
    boolean paid() {
        return paymentId != null;
    }
}
