package org.boxoffice.payment.payment;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A free order: booking confirms it without a payment, so there is nothing to charge. */
public class NothingToPay extends ProblemException {

    NothingToPay(UUID orderId) {
        super(PaymentProblems.NOTHING_TO_PAY, "Order " + orderId + " costs nothing; it is confirmed without a payment.");
        with("orderId", orderId);
    }
}
