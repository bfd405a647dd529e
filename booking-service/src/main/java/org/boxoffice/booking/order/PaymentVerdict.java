package org.boxoffice.booking.order;

/** What a payment arriving for an order calls for ({@link Order#judge(Payment)}); nothing is kept silently. */
enum PaymentVerdict {
    /** The payment that paid the order, delivered again: nothing to do. */
    ALREADY_COUNTED,
    /** A second payment for an order another payment paid: refunded. */
    DUPLICATE,
    /** A payment for a free order, confirmed at checkout: refunded. */
    NOTHING_DUE,
    /** The order awaits it: confirmed. */
    CONFIRM,
    /** The order expired or failed before it: confirmed if its seats can be taken again, else refunded. */
    RETAKE_OR_REFUND,
    /** The order was cancelled before it: recorded and refunded. */
    REFUND_AFTER_CANCELLATION
}
