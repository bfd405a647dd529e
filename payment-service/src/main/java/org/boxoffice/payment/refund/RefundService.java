package org.boxoffice.payment.refund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentNotFound;
import org.boxoffice.payment.payment.Payments;
import org.boxoffice.payment.provider.PaymentProviders;
import org.boxoffice.payment.provider.RefundDeclined;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.Outbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds in two steps, so money can neither be refunded twice nor above what was captured:
 * <ol>
 *   <li>{@link #request}: under the payment's row lock, the amount is reserved against what is left of the capture
 *   (a check constraint backs this) and a PENDING refund is recorded.</li>
 *   <li>{@link #process}: the provider is asked, with the refund's id as idempotency key, then the refund is marked
 *   SUCCEEDED and {@code RefundSucceeded} written to the outbox in one transaction; a declined refund gives its
 *   reservation back. A refund left PENDING by a crash or an unreachable provider is retried by {@link RefundWorker}.</li>
 * </ol>
 */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final Payments payments;
    private final PaymentProviders providers;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    RefundService(Payments payments, PaymentProviders providers, Outbox outbox, TransactionTemplate transactions,
            JdbcClient jdbc, Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum RefundStatus { PENDING, SUCCEEDED, FAILED }

    public record Refund(UUID id, UUID paymentId, long amountMinor, String currency, String reason,
            RefundStatus status, @Nullable String failureReason, Instant createdAt) {
    }

    /** v1, on payment-service's stream. */
    record RefundSucceeded(UUID refundId, UUID paymentId, UUID orderId, long amountMinor, String currency,
            String reason) {
    }

    /**
     * Reserves and records a refund of a payment, in the caller's transaction if there is one (the event consumer's
     * inbox transaction), else in its own.
     *
     * @param amountMinor null for everything still refundable
     */
    public Refund request(UUID refundId, Payment lockedPayment, @Nullable Long amountMinor, String reason,
            String requestedBy) {
        long amount = lockedPayment.reserveRefund(amountMinor);
        Instant now = clock.instant();
        payments.update(lockedPayment, now);
        jdbc.sql("""
                INSERT INTO refund (id, payment_id, amount_minor, currency, reason, status, requested_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(refundId, lockedPayment.id(), amount, lockedPayment.currency(), reason, requestedBy,
                        Timestamp.from(now))
                .update();
        return new Refund(refundId, lockedPayment.id(), amount, lockedPayment.currency(), reason,
                RefundStatus.PENDING, null, now);
    }

    /** An admin's refund: reserved in its own transaction, then processed right away. */
    public Refund refundNow(UUID paymentId, @Nullable Long amountMinor, String reason, String requestedBy) {
        Refund requested = transactions.execute(status -> request(UUID.randomUUID(),
                payments.findForUpdate(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId)),
                amountMinor, reason, requestedBy));
        return process(requested.id());
    }

    /** Asks the provider for a PENDING refund and records the answer; safe to call again, or concurrently. */
    public Refund process(UUID refundId) {
        Refund refund = find(refundId).orElseThrow();
        if (refund.status() != RefundStatus.PENDING) {
            return refund;
        }
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        try {
            var done = providers.named(payment.provider()).refund(payment.providerPaymentId(), refund.id(),
                    refund.amountMinor(), refund.currency());
            transactions.executeWithoutResult(status -> {
                int marked = jdbc.sql("""
                        UPDATE refund SET status = 'SUCCEEDED', provider_refund_id = ?, completed_at = ?
                         WHERE id = ? AND status = 'PENDING'""")
                        .params(done.id(), Timestamp.from(clock.instant()), refund.id()).update();
                if (marked == 0) {
                    return; // another replica recorded it first
                }
                Payment locked = payments.findForUpdate(payment.id()).orElseThrow();
                locked.refunded(succeededTotal(payment.id()));
                payments.update(locked, clock.instant());
                outbox.append("RefundSucceeded", 1, payment.orderId().toString(), new RefundSucceeded(refund.id(),
                        payment.id(), payment.orderId(), refund.amountMinor(), refund.currency(), refund.reason()));
            });
        } catch (RefundDeclined declined) {
            log.warn("Refund {} of payment {} declined: {}", refund.id(), payment.id(), declined.reason());
            transactions.executeWithoutResult(status -> {
                int marked = jdbc.sql("""
                        UPDATE refund SET status = 'FAILED', failure_reason = ?, completed_at = ?
                         WHERE id = ? AND status = 'PENDING'""")
                        .params(declined.reason(), Timestamp.from(clock.instant()), refund.id()).update();
                if (marked == 1) {
                    Payment locked = payments.findForUpdate(payment.id()).orElseThrow();
                    locked.releaseRefund(refund.amountMinor());
                    payments.update(locked, clock.instant());
                }
            });
        }
        return find(refundId).orElseThrow();
    }

    /** Processes refunds still waiting for the provider; returns how many were tried. */
    int processPending() {
        List<UUID> pending = jdbc.sql("SELECT id FROM refund WHERE status = 'PENDING' ORDER BY created_at LIMIT 100")
                .query(UUID.class).list();
        for (UUID id : pending) {
            try {
                process(id);
            } catch (RuntimeException e) {
                log.warn("Refund {} still pending: {}", id, e.toString());
            }
        }
        return pending.size();
    }

    public long succeededTotal(UUID paymentId) {
        Long total = jdbc.sql("SELECT coalesce(sum(amount_minor), 0) FROM refund WHERE payment_id = ? AND status = 'SUCCEEDED'")
                .param(paymentId).query(Long.class).single();
        return total == null ? 0 : total;
    }

    public boolean hasPending(UUID paymentId) {
        return jdbc.sql("SELECT count(*) FROM refund WHERE payment_id = ? AND status = 'PENDING'").param(paymentId)
                .query(Long.class).single() > 0;
    }

    Optional<Refund> find(UUID refundId) {
        return jdbc.sql("""
                SELECT id, payment_id, amount_minor, currency, reason, status, failure_reason, created_at
                  FROM refund WHERE id = ?""")
                .param(refundId)
                .query((rs, row) -> new Refund(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getLong(3), rs.getString(4), rs.getString(5), RefundStatus.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }
}
