package org.boxoffice.payment.payment;

import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The order already has a payment in progress or done; one live payment per order. */
public class PaymentExists extends ProblemException {

    PaymentExists(UUID orderId, UUID paymentId) {
        super(PaymentProblems.PAYMENT_EXISTS, "Order " + orderId + " already has payment " + paymentId + ".");
        with("orderId", orderId);
        with("paymentId", paymentId);
    }
}
