package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.boxoffice.payment.system.PaymentProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A payment for one order, mapped to the {@code payment} table. It guards its own status machine
 * (PROCESSING → SUCCEEDED | FAILED; SUCCEEDED → PARTIALLY_REFUNDED → REFUNDED): the provider's outcome arriving late
 * or twice changes nothing, and {@link #succeed}/{@link #fail} say whether they changed it, so the caller can tell an
 * effect from a no-op; a move the machine does not have (refunding a payment that captured nothing, giving back more
 * than was reserved) is refused with an exception.
 *
 * <p>{@code version} is optimistic locking: the webhook, reconciliation, refunds and the buyer's call that started the
 * payment all change this row. They take the row lock first ({@link Payments#findForUpdate}), so they queue rather
 * than fail; a write from a copy read without it fails instead of overwriting a newer state.
 */
@Entity
@Table(name = "payment")
public class Payment {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Id
    private UUID id;
    private UUID orderId;
    private UUID buyerId;
    private long amountMinor;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    private String provider;
    private @Nullable String providerPaymentId;
    private String cardLast4;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private long capturedMinor;
    /** Refunds succeeded or in flight: reserved before the provider is asked, so concurrent refunds cannot overdraw. */
    private long refundedMinor;
    private @Nullable String failureReason;
    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant succeededAt;
    /** Null until first stored: that is how Spring Data tells a new payment from a stored one. */
    @Version
    private @Nullable Long version;

    protected Payment() {
        // for JPA
    }

    private Payment(UUID orderId, UUID buyerId, long amountMinor, String currency, String provider, String cardLast4,
            Instant now) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a payment is of a positive amount, not " + amountMinor);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code, not " + currency);
        }
        this.id = UUID.randomUUID();
        this.orderId = Objects.requireNonNull(orderId);
        this.buyerId = Objects.requireNonNull(buyerId);
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.provider = Objects.requireNonNull(provider);
        this.cardLast4 = Objects.requireNonNull(cardLast4);
        this.status = PaymentStatus.PROCESSING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new payment of an order, PROCESSING until the provider decides. */
    static Payment start(UUID orderId, UUID buyerId, long amountMinor, String currency, String provider,
            String cardLast4, Instant now) {
        return new Payment(orderId, buyerId, amountMinor, currency, provider, cardLast4, now);
    }

    /** The provider accepted the charge under this id. Set once; the same id again changes nothing. */
    void chargedAs(String providerPaymentId, Instant at) {
        if (this.providerPaymentId != null && !this.providerPaymentId.equals(providerPaymentId)) {
            throw new IllegalStateException("payment " + id + " is already charged as " + this.providerPaymentId
                    + ", not " + providerPaymentId);
        }
        this.providerPaymentId = providerPaymentId;
        this.updatedAt = at;
    }

    /** Captured: true if this changed the payment, false if it had already left PROCESSING. */
    boolean succeed(Instant at) {
        if (status != PaymentStatus.PROCESSING) {
            return false;
        }
        status = PaymentStatus.SUCCEEDED;
        capturedMinor = amountMinor;
        succeededAt = at;
        updatedAt = at;
        return true;
    }

    /** Declined: true if this changed the payment, false if it had already left PROCESSING. */
    boolean fail(String reason, Instant at) {
        if (status != PaymentStatus.PROCESSING) {
            return false;
        }
        status = PaymentStatus.FAILED;
        failureReason = reason;
        updatedAt = at;
        return true;
    }

    /**
     * Sets aside part of what is left for a refund about to be asked of the provider; the full remainder when
     * {@code amountMinor} is null. Returns the amount reserved.
     */
    public long reserveRefund(@Nullable Long amountMinor, Instant at) {
        if (!status.refundable()) {
            throw new PaymentNotRefundable(id, status);
        }
        long left = capturedMinor - refundedMinor;
        long amount = amountMinor == null ? left : amountMinor;
        if (amount <= 0 || amount > left) {
            throw new RefundExceedsCaptured(id, amount, left);
        }
        refundedMinor += amount;
        updatedAt = at;
        return amount;
    }

    /** Gives back a reservation whose refund the provider declined. */
    public void releaseRefund(long amountMinor, Instant at) {
        if (amountMinor <= 0 || amountMinor > refundedMinor) {
            throw new IllegalStateException("payment " + id + " has " + refundedMinor
                    + " reserved for refunds; cannot give back " + amountMinor);
        }
        refundedMinor -= amountMinor;
        updatedAt = at;
    }

    /**
     * A refund went through; {@code succeededRefundsMinor} is the total the provider has refunded of this payment,
     * which the reservations already cover.
     */
    public void refunded(long succeededRefundsMinor, Instant at) {
        if (!status.refundable()) {
            throw new IllegalStateException("payment " + id + " is " + status + "; nothing of it can be refunded");
        }
        if (succeededRefundsMinor <= 0 || succeededRefundsMinor > refundedMinor) {
            throw new IllegalStateException("payment " + id + " has " + refundedMinor + " reserved for refunds; "
                    + succeededRefundsMinor + " cannot have been refunded");
        }
        status = succeededRefundsMinor >= capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        updatedAt = at;
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
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant succeededAt() { return succeededAt; }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Payment payment && id.equals(payment.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Payment[" + id + " " + status + "]";
    }

    /** A refund asked of a payment that has nothing captured to give back. */
    public static class PaymentNotRefundable extends ProblemException {
        PaymentNotRefundable(UUID id, PaymentStatus status) {
            super(PaymentProblems.PAYMENT_NOT_REFUNDABLE, "Payment " + id + " is " + status + "; only a "
                    + "SUCCEEDED or PARTIALLY_REFUNDED payment can be refunded.");
            with("currentStatus", status.name());
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
