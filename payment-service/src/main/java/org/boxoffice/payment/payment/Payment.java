package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A payment for one order. It guards its own status machine: a transition that does not apply (a webhook arriving
 * late or twice) changes nothing, so the caller can tell an effect from a no-op.
 */
public final class Payment {

    private final UUID id;
    private final UUID orderId;
    private final UUID buyerId;
    private final long amountMinor;
    private final String currency;
    private final String provider;
    private final String cardLast4;
    private final Instant createdAt;
    private @Nullable String providerPaymentId;
    private PaymentStatus status;
    private long capturedMinor;
    private long refundedMinor;
    private @Nullable String failureReason;
    private @Nullable Instant succeededAt;

    Payment(UUID id, UUID orderId, UUID buyerId, long amountMinor, String currency, String provider,
            @Nullable String providerPaymentId, String cardLast4, PaymentStatus status, long capturedMinor,
            long refundedMinor, @Nullable String failureReason, Instant createdAt, @Nullable Instant succeededAt) {
        this.id = id;
        this.orderId = orderId;
        this.buyerId = buyerId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.provider = provider;
        this.providerPaymentId = providerPaymentId;
        this.cardLast4 = cardLast4;
        this.status = status;
        this.capturedMinor = capturedMinor;
        this.refundedMinor = refundedMinor;
        this.failureReason = failureReason;
        this.createdAt = createdAt;
        this.succeededAt = succeededAt;
    }

    static Payment start(UUID orderId, UUID buyerId, long amountMinor, String currency, String provider,
            String cardLast4, Instant now) {
        return new Payment(UUID.randomUUID(), orderId, buyerId, amountMinor, currency, provider, null, cardLast4,
                PaymentStatus.PROCESSING, 0, 0, null, now, null);
    }

    /** Captured: true if this changed the payment, false if it had already left PROCESSING. */
    boolean succeed(Instant at) {
        if (status != PaymentStatus.PROCESSING) {
            return false;
        }
        status = PaymentStatus.SUCCEEDED;
        capturedMinor = amountMinor;
        succeededAt = at;
        return true;
    }

    /** Declined: true if this changed the payment, false if it had already left PROCESSING. */
    boolean fail(String reason) {
        if (status != PaymentStatus.PROCESSING) {
            return false;
        }
        status = PaymentStatus.FAILED;
        failureReason = reason;
        return true;
    }

    /**
     * Sets aside part of what is left for a refund about to be asked of the provider; the full remainder when
     * {@code amountMinor} is null. Returns the amount reserved.
     */
    public long reserveRefund(@Nullable Long amountMinor) {
        if (!status.refundable()) {
            throw new PaymentNotRefundable(id, status);
        }
        long left = capturedMinor - refundedMinor;
        long amount = amountMinor == null ? left : amountMinor;
        if (amount <= 0 || amount > left) {
            throw new RefundExceedsCaptured(id, amount, left);
        }
        refundedMinor += amount;
        return amount;
    }

    /** Gives back a reservation whose refund the provider declined. */
    public void releaseRefund(long amountMinor) {
        refundedMinor -= amountMinor;
    }

    /** A refund went through; {@code succeededRefundsMinor} is the total the provider has refunded. */
    public void refunded(long succeededRefundsMinor) {
        status = succeededRefundsMinor >= capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }

    void providerPaymentId(String providerPaymentId) {
        this.providerPaymentId = providerPaymentId;
    }

    public UUID id() { return id; }
    public UUID orderId() { return orderId; }
    public UUID buyerId() { return buyerId; }
    public long amountMinor() { return amountMinor; }
    public String currency() { return currency; }
    public String provider() { return provider; }
    public @Nullable String providerPaymentId() { return providerPaymentId; }
    public String cardLast4() { return cardLast4; }
    public PaymentStatus status() { return status; }
    public long capturedMinor() { return capturedMinor; }
    public long refundedMinor() { return refundedMinor; }
    public @Nullable String failureReason() { return failureReason; }
    public Instant createdAt() { return createdAt; }
    public @Nullable Instant succeededAt() { return succeededAt; }

    /** A refund asked of a payment that has nothing captured to give back. */
    public static class PaymentNotRefundable extends ProblemException {
        PaymentNotRefundable(UUID id, PaymentStatus status) {
            super(PaymentProblems.PAYMENT_NOT_REFUNDABLE, "Payment " + id + " is " + status + "; only a "
                    + "SUCCEEDED or PARTIALLY_REFUNDED payment can be refunded.");
            with("status", status.name());
        }
    }

    /** A refund of more than is left of the captured amount (or of nothing). */
    public static class RefundExceedsCaptured extends ProblemException {
        RefundExceedsCaptured(UUID id, long asked, long left) {
            super(PaymentProblems.REFUND_EXCEEDS_CAPTURED, "Payment " + id + " has " + left
                    + " (minor units) left to refund; asked for " + asked + ".");
            with("refundableMinor", left);
        }
    }
}
