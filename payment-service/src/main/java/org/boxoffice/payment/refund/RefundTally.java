package org.boxoffice.payment.refund;

import java.util.UUID;

/**
 * A payment's refunds in sum: {@code succeededMinor} refunded by the provider, {@code pending} still waiting for it.
 */
public record RefundTally(UUID paymentId, long succeededMinor, long pending) {

    public static RefundTally none(UUID paymentId) {
        return new RefundTally(paymentId, 0, 0);
    }

    public boolean hasPending() {
        return pending > 0;
    }
}
