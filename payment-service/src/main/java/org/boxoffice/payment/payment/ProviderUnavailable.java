package org.boxoffice.payment.payment;


import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** The payment provider could not be reached; the payment was marked failed and may be retried. */
public class ProviderUnavailable extends ProblemException {

    ProviderUnavailable(String provider, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "Payment provider " + provider + " is unavailable; retry shortly.", cause);
        with("service", provider);
    }
}
