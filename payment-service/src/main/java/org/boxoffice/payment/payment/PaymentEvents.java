package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.UUID;

/** The events payment-service publishes about payments (stream {@code boxoffice.events.payment-service}). */
final class PaymentEvents {

    private PaymentEvents() {
    }

    /** v1: the order's amount was captured. */
    record PaymentSucceeded(UUID paymentId, UUID orderId, UUID buyerId, long amountMinor, String currency,
            Instant succeededAt) {
    }

    /** v1: the payment will not capture anything; the order can be released or paid again. */
    record PaymentFailed(UUID paymentId, UUID orderId, UUID buyerId, String reason) {
    }
}
