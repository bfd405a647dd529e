package org.boxoffice.payment.payment;


import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The card's expiry month is in the past. */
public class CardExpired extends ProblemException {

    public CardExpired(int month, int year) {
        super(PaymentProblems.CARD_EXPIRED, "The card expired at the end of " + year + "-" + (month < 10 ? "0" : "") + month + ".");
        with("field", "card");
    }
}
