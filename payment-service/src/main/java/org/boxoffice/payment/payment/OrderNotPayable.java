package org.boxoffice.payment.payment;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The order is not waiting for payment (already paid, expired or cancelled). */
public class OrderNotPayable extends ProblemException {

    OrderNotPayable(UUID orderId, String status) {
        super(PaymentProblems.ORDER_NOT_PAYABLE, "Order " + orderId + " is " + status + "; only a PENDING_PAYMENT order can be paid.");
        with("orderId", orderId);
        with("orderStatus", status);
    }
}
