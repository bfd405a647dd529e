package org.boxoffice.payment.payment;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No such payment, or it is another buyer's. */
public class PaymentNotFound extends ProblemException {

    public PaymentNotFound(UUID id) {
        super(PaymentProblems.PAYMENT_NOT_FOUND, "No payment " + id + ".");
        with("paymentId", id);
    }
}
