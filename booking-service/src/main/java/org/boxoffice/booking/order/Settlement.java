package org.boxoffice.booking.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An order's money: the payment that paid it, what that payment captured and what payment-service has reported
 * refunded of it. Part of the {@link Order}, which decides when each of these changes.
 */
@Embeddable
public class Settlement {

    @Column(name = "payment_id")
    private @Nullable UUID paymentId;
    @Column(name = "paid_minor")
    private long paidMinor;
    @Column(name = "refunded_minor")
    private long refundedMinor;

    /** Whether money was taken. */
    boolean paid() {
        return paymentId != null;
    }

    /** Whether {@code payment} is the one that paid. */
    boolean paidBy(UUID payment) {
        return payment.equals(paymentId);
    }

    /** Records the payment; refused once one was recorded (a second payment is refunded, never recorded). */
    void pay(Payment payment) {
        if (paid()) {
            throw new IllegalStateException("paid by " + paymentId + " already");
        }
        paymentId = payment.id();
        paidMinor = payment.amountMinor();
    }

    /** Counts money given back; true once all of the payment is back. */
    boolean refund(long amountMinor) {
        refundedMinor += amountMinor;
        return refundedMinor >= paidMinor;
    }

    /** Whether a refund of {@code payment} (null: not said) is one of this payment. */
    boolean refundsItsPayment(@Nullable UUID payment) {
        return paid() && (payment == null || payment.equals(paymentId));
    }

    /** What was paid and not yet refunded. */
    long refundable() {
        return paid() ? paidMinor - refundedMinor : 0;
    }

    /** The payment that paid, once one did. */
    public @Nullable UUID paymentId() {
        return paymentId;
    }

    /** What that payment captured. */
    public long paidMinor() {
        return paidMinor;
    }

    /** What payment-service has reported refunded so far. */
    public long refundedMinor() {
        return refundedMinor;
    }
}
