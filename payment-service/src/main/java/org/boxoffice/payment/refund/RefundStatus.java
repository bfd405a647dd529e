package org.boxoffice.payment.refund;

/** PENDING → SUCCEEDED | FAILED. A refund is PENDING while its amount is reserved and the provider not yet heard. */
public enum RefundStatus {
    PENDING, SUCCEEDED, FAILED
}
