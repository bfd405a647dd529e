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

    /** The state after the organizer or a cancelled event cancels it: unpaid orders end, paid ones await a refund. */
    OrderStatus cancelled() {
        return switch (status) {
            case PENDING_PAYMENT -> OrderStatus.CANCELLED;
            case CONFIRMED -> OrderStatus.REFUND_REQUESTED;
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        };
    }

    /** Whether money was taken for it. */
    boolean paid() {
        return paymentId != null;
    }
}
