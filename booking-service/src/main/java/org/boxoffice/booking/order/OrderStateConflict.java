package org.boxoffice.booking.order;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A transition the order's current state does not allow. */
public final class OrderStateConflict extends ProblemException {

    public OrderStateConflict(UUID orderId, OrderStatus status, String detail) {
        super(BookingProblems.ORDER_STATE_CONFLICT, detail);
        with("orderId", orderId);
        with("currentStatus", status.name());
    }
}
