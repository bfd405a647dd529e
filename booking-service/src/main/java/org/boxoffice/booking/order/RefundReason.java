package org.boxoffice.booking.order;

/** Why booking asks payment-service for money back, as {@code RefundRequested} tells it. */
enum RefundReason {
    BUYER, ORGANIZER, EVENT_CANCELLED, PAID_AFTER_EXPIRY,
    /** Money arrived for an order cancelled before it did. */
    PAID_AFTER_CANCELLATION,
    /** A second payment for an order another payment paid. */
    DUPLICATE_PAYMENT,
    /** A payment for a free order. */
    NOTHING_DUE;

    static RefundReason of(CancelReason reason) {
        return valueOf(reason.name());
    }
}
