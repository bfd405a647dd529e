package org.boxoffice.analytics.sale;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** analytics-service's own copies of the payment-service events it reads (version 1). */
final class PaymentEvents {

    private PaymentEvents() {
    }

    record PaymentSucceeded(UUID paymentId, UUID orderId, long amountMinor, String currency, Instant succeededAt) {
    }

    record PaymentFailed(UUID paymentId, UUID orderId, @Nullable String reason) {
    }

    record RefundSucceeded(UUID refundId, UUID paymentId, UUID orderId, long amountMinor, String currency,
            @Nullable String reason) {
    }
}
