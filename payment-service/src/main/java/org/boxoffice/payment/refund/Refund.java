package org.boxoffice.payment.refund;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.boxoffice.payment.payment.Payment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A refund of (part of) a payment, mapped to the {@code refund} table. It refers to its payment by id: the payment is
 * its own aggregate, locked and changed through {@link org.boxoffice.payment.payment.Payments}. A refund is created
 * PENDING once its amount has been reserved on the payment, and leaves PENDING exactly once, with the provider's answer.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private UUID id;
    private UUID paymentId;
    private long amountMinor;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    private String reason;
    @Enumerated(EnumType.STRING)
    private RefundStatus status;
    private String requestedBy;
    private @Nullable String providerRefundId;
    private @Nullable String failureReason;
    private Instant createdAt;
    private @Nullable Instant completedAt;
    /** Null until first stored: that is how Spring Data tells a new refund from a stored one. */
    @Version
    private @Nullable Long version;

    protected Refund() {
        // for JPA
    }

    private Refund(UUID id, UUID paymentId, long amountMinor, String currency, String reason, String requestedBy,
            Instant now) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a refund is of a positive amount, not " + amountMinor);
        }
        this.id = Objects.requireNonNull(id);
        this.paymentId = paymentId;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.reason = Objects.requireNonNull(reason);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.status = RefundStatus.PENDING;
        this.createdAt = now;
    }

    /**
     * Reserves the amount on the payment (the full remainder when {@code amountMinor} is null) and returns the PENDING
     * refund of it. The payment must be locked by the caller's transaction.
     *
     * @throws Payment.PaymentNotRefundable  when the payment captured nothing that may be refunded
     * @throws Payment.RefundExceedsCaptured when less than {@code amountMinor} is left
     */
    static Refund of(UUID id, Payment lockedPayment, @Nullable Long amountMinor, String reason, String requestedBy,
            Instant now) {
        long amount = lockedPayment.reserveRefund(amountMinor, now);
        return new Refund(id, lockedPayment.id(), amount, lockedPayment.currency(), reason, requestedBy, now);
    }

    /** The provider refunded it. */
    void succeeded(String providerRefundId, Instant at) {
        leavePending(RefundStatus.SUCCEEDED, at);
        this.providerRefundId = Objects.requireNonNull(providerRefundId);
    }

    /** The provider declined it; the caller gives the reservation back to the payment. */
    void failed(String reason, Instant at) {
        leavePending(RefundStatus.FAILED, at);
        this.failureReason = Objects.requireNonNull(reason);
    }

    private void leavePending(RefundStatus to, Instant at) {
        if (status != RefundStatus.PENDING) {
            throw new IllegalStateException("refund " + id + " is already " + status + "; it cannot become " + to);
        }
        status = to;
        completedAt = at;
    }

    public boolean isPending() { return status == RefundStatus.PENDING; }
    public UUID id() { return id; }
    public UUID paymentId() { return paymentId; }
    public long amountMinor() { return amountMinor; }
    public String currency() { return currency; }
    public String reason() { return reason; }
    public RefundStatus status() { return status; }
    public String requestedBy() { return requestedBy; }
    public @Nullable String providerRefundId() { return providerRefundId; }
    public @Nullable String failureReason() { return failureReason; }
    public Instant createdAt() { return createdAt; }
    public @Nullable Instant completedAt() { return completedAt; }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Refund refund && id.equals(refund.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Refund[" + id + " of payment " + paymentId + " " + status + "]";
    }
}
