package org.boxoffice.payment.payment;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The order is still pending but its payment deadline has passed: its seats are about to be released. */
public class PaymentWindowClosed extends ProblemException {

    PaymentWindowClosed(UUID orderId, java.time.Instant paymentDue) {
        super(PaymentProblems.PAYMENT_WINDOW_CLOSED, "Order " + orderId + " had to be paid by " + paymentDue + ".");
        with("orderId", orderId);
        with("paymentDue", paymentDue.toString());
    }
}
