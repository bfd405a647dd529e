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
    REFUND_AFTER_CANCELLATION;

    /** What {@code payment} arriving for an order in {@code status}, paid as {@code settlement} says, calls for. */
    static PaymentVerdict of(OrderStatus status, Settlement settlement, Payment payment) {
        if (settlement.paid()) {
            return settlement.paidBy(payment.id()) ? ALREADY_COUNTED : DUPLICATE;
        }
        return switch (status) {
            case CONFIRMED, PARTIALLY_REFUNDED -> NOTHING_DUE;
            case PENDING_PAYMENT -> CONFIRM;
            case EXPIRED, FAILED -> RETAKE_OR_REFUND;
            case CANCELLED, REFUND_REQUESTED, REFUNDED -> REFUND_AFTER_CANCELLATION;
        };
    }
}
