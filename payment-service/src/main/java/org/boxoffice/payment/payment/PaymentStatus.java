package org.boxoffice.payment.payment;

/** PROCESSING → SUCCEEDED | FAILED; SUCCEEDED → PARTIALLY_REFUNDED → REFUNDED. Nothing leaves FAILED or REFUNDED. */
public enum PaymentStatus {
    PROCESSING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED;

    /** Whether money was captured and some of it may still be refunded. */
    public boolean refundable() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
    }
}
