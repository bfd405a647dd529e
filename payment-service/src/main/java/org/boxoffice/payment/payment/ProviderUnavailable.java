package org.boxoffice.payment.payment;


import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * The payment provider did not answer a charge: the payment failed and may be retried, or (when the provider cannot
 * say whether it took the charge) it stays PROCESSING until the provider's webhook or reconciliation decides.
 */
public class ProviderUnavailable extends ProblemException {

    ProviderUnavailable(String provider, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "Payment provider " + provider + " is unavailable; retry shortly.", cause);
        with("service", provider);
    }
}
