package org.boxoffice.booking.order;

/** Why an order was cancelled ({@code purchase_order.cancel_reason}, and the reason its events carry). */
public enum CancelReason {
    /** The buyer cancelled it. */
    BUYER,
    /** An organizer cancelled it. */
    ORGANIZER,
    /** Its event was cancelled. */
    EVENT_CANCELLED,
    /** Its payment arrived after it expired or failed, and its seats could not be taken again. */
    PAID_AFTER_EXPIRY
}
