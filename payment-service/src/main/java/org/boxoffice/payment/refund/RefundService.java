package org.boxoffice.payment.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentNotFound;
import org.boxoffice.payment.payment.Payments;
import org.boxoffice.payment.provider.PaymentProviders;
import org.boxoffice.payment.provider.RefundDeclined;
import org.boxoffice.platform.events.Outbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds in two steps, so money can neither be refunded twice nor above what was captured:
 * <ol>
 *   <li>{@link #request}: under the payment's row lock, the amount is reserved against what is left of the capture
 *   (a check constraint backs this) and a PENDING refund is recorded.</li>
 *   <li>{@link #process}: the provider is asked, with the refund's id as idempotency key, then, under the refund's
 *   row lock and only if it is still PENDING, the refund is marked SUCCEEDED and {@code RefundSucceeded} written to
 *   the outbox in one transaction; a declined refund gives its reservation back. A refund left PENDING by a crash or
 *   an unreachable provider is retried by {@link RefundWorker}.</li>
 * </ol>
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final Payments payments;
    private final Refunds refunds;
    private final PaymentProviders providers;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundService(Payments payments, Refunds refunds, PaymentProviders providers, Outbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.providers = providers;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** v1, on payment-service's stream. */
    record RefundSucceeded(UUID refundId, UUID paymentId, UUID orderId, long amountMinor, String currency,
            String reason) {
    }

    /**
     * Reserves and records a refund of a payment, in the caller's transaction: the one that locked the payment (the
     * event consumer's inbox transaction, or {@link #refundNow}'s own).
     *
     * @param amountMinor null for everything still refundable
     */
    public Refund request(UUID refundId, Payment lockedPayment, @Nullable Long amountMinor, String reason,
            String requestedBy) {
        Refund refund = Refund.of(refundId, lockedPayment, amountMinor, reason, requestedBy, clock.instant());
        payments.save(lockedPayment);
        return refunds.save(refund);
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
        Refund refund = refunds.findById(refundId).orElseThrow();
        if (!refund.isPending()) {
            return refund;
        }
        Payment payment = payments.findById(refund.paymentId()).orElseThrow();
        try {
            var done = providers.named(payment.provider()).refund(payment.providerPaymentId(), refund.id(),
                    refund.amountMinor(), refund.currency());
            transactions.executeWithoutResult(status -> {
                Refund locked = refunds.findForUpdate(refundId).orElseThrow();
                if (!locked.isPending()) {
                    return; // another replica recorded it first
                }
                Instant now = clock.instant();
                locked.succeeded(done.id(), now);
                refunds.save(locked);
                Payment lockedPayment = payments.findForUpdate(payment.id()).orElseThrow();
                lockedPayment.refunded(succeededTotal(payment.id()), now);
                payments.save(lockedPayment);
                outbox.append("RefundSucceeded", 1, payment.orderId().toString(), new RefundSucceeded(refund.id(),
                        payment.id(), payment.orderId(), refund.amountMinor(), refund.currency(), refund.reason()));
            });
        } catch (RefundDeclined declined) {
            log.warn("Refund {} of payment {} declined: {}", refund.id(), payment.id(), declined.reason());
            transactions.executeWithoutResult(status -> {
                Refund locked = refunds.findForUpdate(refundId).orElseThrow();
                if (!locked.isPending()) {
                    return;
                }
                Instant now = clock.instant();
                locked.failed(declined.reason(), now);
                refunds.save(locked);
                Payment lockedPayment = payments.findForUpdate(payment.id()).orElseThrow();
                lockedPayment.releaseRefund(refund.amountMinor(), now);
                payments.save(lockedPayment);
            });
        }
        return refunds.findById(refundId).orElseThrow();
    }

    /** Processes refunds still waiting for the provider; returns how many were tried. */
    int processPending() {
        List<UUID> pending = refunds.findFirst100ByStatusOrderByCreatedAt(RefundStatus.PENDING).stream()
                .map(Refund::id).toList();
        for (UUID id : pending) {
            try {
                process(id);
            } catch (RuntimeException e) {
                log.warn("Refund {} still pending: {}", id, e.toString());
            }
        }
        return pending.size();
    }

    /** What the provider has refunded of a payment, by our records. */
    public long succeededTotal(UUID paymentId) {
        return refunds.totalByPaymentIdAndStatus(paymentId, RefundStatus.SUCCEEDED);
    }

    /**
     * The refund tallies of every payment created since {@code since} and of the {@code others} named, by payment id,
     * in at most two statements however many payments there are. A payment without refunds has no entry.
     */
    public Map<UUID, RefundTally> talliesOf(Instant since, Collection<UUID> others) {
        Map<UUID, RefundTally> tallies = new HashMap<>();
        for (RefundTally tally : refunds.talliesOfPaymentsCreatedSince(since, RefundStatus.SUCCEEDED,
                RefundStatus.PENDING)) {
            tallies.put(tally.paymentId(), tally);
        }
        if (!others.isEmpty()) {
            for (RefundTally tally : refunds.talliesOf(others, RefundStatus.SUCCEEDED, RefundStatus.PENDING)) {
                tallies.put(tally.paymentId(), tally);
            }
        }
        return tallies;
    }
}
