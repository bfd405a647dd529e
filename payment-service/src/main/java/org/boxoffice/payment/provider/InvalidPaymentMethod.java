package org.boxoffice.payment.provider;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The payment method token is not one the provider knows, or it expired, or it was used for another payment. */
public class InvalidPaymentMethod extends ProblemException {

    public InvalidPaymentMethod(String why) {
        super(PaymentProblems.INVALID_PAYMENT_METHOD, "The payment method " + why
                + ": tokenize the card again with the provider.");
        with("field", "paymentMethod");
    }
}
