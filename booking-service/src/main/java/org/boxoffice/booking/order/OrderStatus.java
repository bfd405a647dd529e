package org.boxoffice.booking.order;

/**
 * PENDING_PAYMENT → CONFIRMED (payment succeeded) | EXPIRED (not paid in time) | CANCELLED (by the organizer or a
 * cancelled event); CONFIRMED → REFUND_REQUESTED (cancelled after payment). Only PENDING_PAYMENT and CONFIRMED
 * orders keep their seats.
 */
public enum OrderStatus {
    PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED, REFUND_REQUESTED
}
