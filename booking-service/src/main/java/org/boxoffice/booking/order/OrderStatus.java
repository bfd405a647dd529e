package org.boxoffice.booking.order;

/**
 * PENDING_PAYMENT → CONFIRMED (payment succeeded, or at checkout when the order costs nothing) | FAILED (payment
 * declined) | EXPIRED (not paid in time) | CANCELLED (by the buyer, the organizer or a cancelled event); CONFIRMED →
 * PARTIALLY_REFUNDED when payment-service returned part of the money (tickets stay valid); CONFIRMED or
 * PARTIALLY_REFUNDED → REFUND_REQUESTED (cancelled after payment; CANCELLED for a free order); REFUND_REQUESTED or a
 * paid CANCELLED order → REFUNDED when the money is back. EXPIRED or FAILED → CONFIRMED when a payment arrives late,
 * the same seats are still free and the buyer's limit allows them, else → CANCELLED (PAID_AFTER_EXPIRY) with a refund.
 * PENDING_PAYMENT, CONFIRMED and PARTIALLY_REFUNDED orders keep seats.
 */
public enum OrderStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED, REFUND_REQUESTED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    /** Whether the order's seats are held or sold for it. */
    public boolean keepsSeats() {
        return this == PENDING_PAYMENT || sold();
    }

    /** Whether the order's seats are sold for it and its tickets valid: confirmed, or confirmed and partly refunded. */
    public boolean sold() {
        return this == CONFIRMED || this == PARTIALLY_REFUNDED;
    }
}
