package org.boxoffice.booking.payment;

import java.util.UUID;

import org.boxoffice.booking.order.PaymentOutcomes;
import org.boxoffice.platform.events.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reacts to {@code boxoffice.events.payment-service}. Runs in the inbox transaction, so an order transition, its
 * tickets and the events announcing them commit together with the record that this event was handled: a redelivery
 * finds the event id in the inbox and does nothing. A version this code cannot read fails loudly (dead letter).
 */
@Component
class PaymentEvents extends EventHandler {

    record PaymentSucceeded(UUID paymentId, UUID orderId, UUID buyerId, long amountMinor, String currency) {
    }

    /**
     * {@code retryable}: nothing was charged and the buyer may pay again (the provider could not be reached). Absent in
     * events written before the field existed: those end the order, as they did then.
     */
    record PaymentFailed(UUID paymentId, UUID orderId, @Nullable String reason, @Nullable Boolean retryable) {

        boolean mayPayAgain() {
            return Boolean.TRUE.equals(retryable);
        }
    }

    record RefundSucceeded(UUID refundId, @Nullable UUID paymentId, UUID orderId, long amountMinor, String currency) {
    }

    PaymentEvents(PaymentOutcomes orders) {
        super("payment-service");
        on(PaymentSucceeded.class, paid -> orders.paymentSucceeded(paid.orderId(), paid.paymentId(),
                paid.amountMinor()));
        on(PaymentFailed.class, failed -> orders.paymentFailed(failed.orderId(), failed.mayPayAgain()));
        on(RefundSucceeded.class, refund -> orders.refundSucceeded(refund.refundId(), refund.paymentId(),
                refund.orderId(), refund.amountMinor()));
    }
}
