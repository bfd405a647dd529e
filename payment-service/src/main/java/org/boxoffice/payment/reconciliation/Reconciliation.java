package org.boxoffice.payment.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentService;
import org.boxoffice.payment.payment.PaymentService.Outcome;
import org.boxoffice.payment.payment.PaymentStatus;
import org.boxoffice.payment.payment.Payments;
import org.boxoffice.payment.provider.PaymentProvider;
import org.boxoffice.payment.provider.PaymentProvider.ProviderRecord;
import org.boxoffice.payment.provider.PaymentProviders;
import org.boxoffice.payment.refund.RefundService;
import org.boxoffice.payment.refund.RefundTally;
import org.boxoffice.payment.system.PaymentProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Compares each provider's ledger with our payments over the reconciliation window. Repairs only what the provider's
 * record settles beyond doubt and what our status machine allows: a payment still PROCESSING that the provider
 * captured or declined (a lost webhook) is moved on, through the same transition a webhook uses, so its event is
 * published once; so is a payment PROCESSING that the provider never charged (payment-service stopped between
 * recording it and charging), which fails. Everything else — money taken for a payment we think failed, amounts or
 * refunds that differ, records only one side has — is reported for a human, with the metric
 * {@code boxoffice_payments_reconciliation_differences} set to the number found by the last run.
 *
 * <p>Our side is read in a fixed number of statements however many payments the window holds: the payments, the
 * payments the provider's ledger names beyond them, and every one's refund tallies, each in one query.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** A charge younger than this may simply not have reached the other side yet. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    private final PaymentProviders providers;
    private final Payments payments;
    private final PaymentService paymentService;
    private final RefundService refunds;
    private final PaymentProperties properties;
    private final Clock clock;
    private final AtomicInteger lastDifferences = new AtomicInteger();

    Reconciliation(PaymentProviders providers, Payments payments, PaymentService paymentService,
            RefundService refunds, PaymentProperties properties, Clock clock, MeterRegistry meters) {
        this.providers = providers;
        this.payments = payments;
        this.paymentService = paymentService;
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("boxoffice.payments.reconciliation.differences", lastDifferences, AtomicInteger::get)
                .description("Differences between the providers' ledgers and our payments found by the last run")
                .register(meters);
    }

    public enum Kind {
        /** The provider captured; we had not heard. Repaired: marked SUCCEEDED, PaymentSucceeded published. */
        MISSED_SUCCESS,
        /** The provider declined; we had not heard. Repaired: marked FAILED, PaymentFailed published. */
        MISSED_FAILURE,
        /** The provider's status contradicts a final status of ours. Reported. */
        STATUS_MISMATCH,
        /** Captured amounts differ. Reported. */
        AMOUNT_MISMATCH,
        /** Refunded amounts differ (no refund in flight). Reported. */
        REFUND_MISMATCH,
        /** The provider has a payment we have no record of. Reported. */
        UNKNOWN_TO_US,
        /** We have a payment the provider has no record of. Reported. */
        MISSING_AT_PROVIDER,
        /**
         * A payment still PROCESSING that the provider never charged: payment-service stopped between recording it and
         * asking for the charge (a crash, a killed pod). Repaired: marked FAILED ({@code not_charged}), PaymentFailed
         * published, so the order gets its outcome and no payment is left in flight for ever.
         */
        NEVER_CHARGED
    }

    public record Difference(Kind kind, @Nullable UUID paymentId, @Nullable String providerPaymentId, String ours,
            String provider, boolean repaired) {
    }

    public record Report(Instant ranAt, Instant since, int paymentsChecked, int providerRecordsChecked,
            List<Difference> differences) {
    }

    public Report run() {
        Instant now = clock.instant();
        Instant since = now.minus(properties.reconciliationWindow());
        Map<UUID, Payment> ours = new HashMap<>();
        for (Payment payment : payments.createdSince(since)) {
            ours.put(payment.id(), payment);
        }
        List<ProviderRecord> ledger = new ArrayList<>();
        for (PaymentProvider provider : providers.all()) {
            ledger.addAll(provider.ledger(since));
        }
        // A charge in the window may belong to a payment created just before it.
        Set<UUID> older = new HashSet<>();
        for (ProviderRecord record : ledger) {
            if (!ours.containsKey(record.reference())) {
                older.add(record.reference());
            }
        }
        Map<UUID, Payment> known = new HashMap<>(ours);
        if (!older.isEmpty()) {
            for (Payment payment : payments.findAllById(older)) {
                known.put(payment.id(), payment);
            }
        }
        Map<UUID, RefundTally> tallies = refunds.talliesOf(since, older);
        List<Difference> differences = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ProviderRecord record : ledger) {
            Payment payment = known.get(record.reference());
            if (payment == null) {
                differences.add(new Difference(Kind.UNKNOWN_TO_US, null, record.providerPaymentId(), "none",
                        describe(record), false));
                continue;
            }
            seen.add(payment.id());
            compare(payment, record, tallies.getOrDefault(payment.id(), RefundTally.none(payment.id())), differences);
        }
        for (Payment payment : ours.values()) {
            if (!seen.contains(payment.id()) && payment.createdAt().isBefore(now.minus(IN_FLIGHT))
                    && payment.status() != PaymentStatus.FAILED) {
                differences.add(payment.status() == PaymentStatus.PROCESSING && neverCharged(payment)
                        ? new Difference(Kind.NEVER_CHARGED, payment.id(), null, describe(payment), "none",
                                paymentService.settle(payment.id(), Outcome.FAILED, "not_charged"))
                        : new Difference(Kind.MISSING_AT_PROVIDER, payment.id(), payment.providerPaymentId(),
                                describe(payment), "none", false));
            }
        }
        lastDifferences.set(differences.size());
        if (!differences.isEmpty()) {
            log.warn("Reconciliation found {} difference(s): {}", differences.size(), differences);
        }
        return new Report(now, since, ours.size(), ledger.size(), List.copyOf(differences));
    }

    private void compare(Payment payment, ProviderRecord record, RefundTally refunds,
            List<Difference> differences) {
        boolean providerCaptured = record.status().equals("SUCCEEDED");
        boolean providerDeclined = record.status().equals("FAILED");
        switch (payment.status()) {
            case PROCESSING -> {
                if (providerCaptured || providerDeclined) {
                    Outcome outcome = providerCaptured ? Outcome.SUCCEEDED : Outcome.FAILED;
                    String reason = record.failureReason() == null ? "declined" : record.failureReason();
                    boolean repaired = paymentService.settle(payment.id(), outcome, reason);
                    differences.add(new Difference(providerCaptured ? Kind.MISSED_SUCCESS : Kind.MISSED_FAILURE,
                            payment.id(), record.providerPaymentId(), describe(payment), describe(record), repaired));
                }
                return;
            }
            case FAILED -> {
                if (providerCaptured) {
                    differences.add(new Difference(Kind.STATUS_MISMATCH, payment.id(), record.providerPaymentId(),
                            describe(payment), describe(record), false));
                }
                return;
            }
            default -> {
                if (!providerCaptured) {
                    differences.add(new Difference(Kind.STATUS_MISMATCH, payment.id(), record.providerPaymentId(),
                            describe(payment), describe(record), false));
                    return;
                }
            }
        }
        if (payment.capturedMinor() != record.amountMinor() || !payment.currency().equals(record.currency())) {
            differences.add(new Difference(Kind.AMOUNT_MISMATCH, payment.id(), record.providerPaymentId(),
                    describe(payment), describe(record), false));
        }
        long refunded = refunds.succeededMinor();
        if (refunded != record.refundedMinor() && !refunds.hasPending()) {
            differences.add(new Difference(Kind.REFUND_MISMATCH, payment.id(), record.providerPaymentId(),
                    describe(payment) + " refunded " + refunded, describe(record), false));
        }
    }

    /**
     * Whether the provider says it holds no charge for the payment, asked by our reference (the ledger's window may
     * not reach a charge made just before it). A provider that cannot answer leaves the payment as it is.
     */
    private boolean neverCharged(Payment payment) {
        try {
            return payment.providerPaymentId() == null
                    && providers.named(payment.provider()).chargeFor(payment.id()).isEmpty();
        } catch (RuntimeException unknown) {
            log.warn("Cannot ask {} about payment {}: {}", payment.provider(), payment.id(), unknown.toString());
            return false;
        }
    }

    private static String describe(Payment payment) {
        return payment.status() + " captured " + payment.capturedMinor() + " " + payment.currency();
    }

    private static String describe(ProviderRecord record) {
        return record.status() + " " + record.amountMinor() + " " + record.currency() + " refunded "
                + record.refundedMinor();
    }
}
