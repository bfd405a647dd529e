package org.boxoffice.booking.order;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No order with this id exists for the caller. */
public final class OrderNotFound extends ProblemException {

    public OrderNotFound(UUID orderId) {
        super(BookingProblems.ORDER_NOT_FOUND, "Order " + orderId + " does not exist.");
        with("orderId", orderId);
    }
}
