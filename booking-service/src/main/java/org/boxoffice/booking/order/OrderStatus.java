package org.boxoffice.booking.order;

/**
 * PENDING_PAYMENT → CONFIRMED (payment succeeded) | FAILED (payment declined) | EXPIRED (not paid in time) |
 * CANCELLED (by the buyer, the organizer or a cancelled event); CONFIRMED → REFUND_REQUESTED (cancelled after
 * payment); CONFIRMED, REFUND_REQUESTED or a paid CANCELLED order → REFUNDED | PARTIALLY_REFUNDED when payment-service
 * reports money returned. EXPIRED or FAILED → CONFIRMED when a payment arrives late and the same seats are still
 * free, else → CANCELLED (PAID_AFTER_EXPIRY) with a refund. Only PENDING_PAYMENT and CONFIRMED orders keep seats.
 */
public enum OrderStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED, REFUND_REQUESTED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    /** Whether the order's seats are held or sold for it. */
    public boolean keepsSeats() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }
}
