package org.boxoffice.payment.provider;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A webhook that must not be believed: forged, stale or unreadable. Nothing is changed by it. */
public class InvalidWebhook extends ProblemException {

    private InvalidWebhook(ProblemType type, String detail) {
        super(type, detail);
    }

    public static InvalidWebhook badSignature() {
        return new InvalidWebhook(PaymentProblems.INVALID_WEBHOOK_SIGNATURE,
                "The signature header is missing or does not match the body.");
    }

    public static InvalidWebhook stale(long toleranceSeconds) {
        InvalidWebhook stale = new InvalidWebhook(PaymentProblems.STALE_WEBHOOK,
                "The signed timestamp is more than " + toleranceSeconds + " seconds from now.");
        stale.with("toleranceSeconds", toleranceSeconds);
        return stale;
    }

    public static InvalidWebhook malformed(String what) {
        return new InvalidWebhook(PaymentProblems.MALFORMED_WEBHOOK, "The webhook body is not a known event: " + what);
    }
}
