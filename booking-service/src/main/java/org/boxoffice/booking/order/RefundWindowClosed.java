package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The event's refund policy ended: a paid order can no longer be cancelled by its buyer. */
public final class RefundWindowClosed extends ProblemException {

    public RefundWindowClosed(UUID orderId, Instant refundableUntil) {
        super(BookingProblems.REFUND_WINDOW_CLOSED, "Paid orders for this event could be cancelled until "
                + refundableUntil + ".");
        with("orderId", orderId);
        with("refundableUntil", refundableUntil.toString());
    }
}
