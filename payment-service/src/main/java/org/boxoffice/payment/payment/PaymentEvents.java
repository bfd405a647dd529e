package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The events payment-service publishes about payments (stream {@code boxoffice.events.payment-service}). */
final class PaymentEvents {

    private PaymentEvents() {
    }

    /** v1: the order's amount was captured. */
    record PaymentSucceeded(UUID paymentId, UUID orderId, UUID buyerId, long amountMinor, String currency,
            Instant succeededAt) {
    }

    /**
     * v1: the payment will not capture anything. {@code retryable}: nothing was charged because the provider could not
     * be reached ({@code provider_unavailable}) or never got the charge ({@code not_charged}), so the order stays
     * payable and the buyer may pay again; otherwise (a decline, a used-up payment method) the order ends and its seats
     * go back on sale. Added to v1 as an optional field: a consumer reading an event without it treats it as false.
     */
    record PaymentFailed(UUID paymentId, UUID orderId, UUID buyerId, String reason, boolean retryable) {

        private static final Set<String> NOTHING_CHARGED = Set.of("provider_unavailable", "not_charged");

        static PaymentFailed of(Payment payment, String reason) {
            return new PaymentFailed(payment.id(), payment.orderId(), payment.buyerId(), reason,
                    NOTHING_CHARGED.contains(reason));
        }
    }
}
