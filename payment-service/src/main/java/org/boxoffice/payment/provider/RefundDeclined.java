package org.boxoffice.payment.provider;

/** The provider refused a refund; {@code reason} is the provider's code for why. */
public class RefundDeclined extends RuntimeException {

    private final String reason;

    public RefundDeclined(String reason) {
        super("refund declined: " + reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
