package org.boxoffice.payment.order;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** booking-service has no such order for this buyer (or it is another buyer's). */
public class OrderNotFound extends ProblemException {

    OrderNotFound(UUID orderId) {
        super(PaymentProblems.ORDER_NOT_FOUND, "No order " + orderId + " for this buyer.");
        with("orderId", orderId);
    }
}
