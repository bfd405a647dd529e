package org.boxoffice.booking.payment;

import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.order.PaymentOutcomes;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reacts to {@code boxoffice.events.payment-service}. Runs in the inbox transaction, so an order transition, its
 * tickets and the events announcing them commit together with the record that this event was handled: a redelivery
 * finds the event id in the inbox and does nothing. A version this code cannot read fails loudly (dead letter).
 */
@Component
class PaymentEvents implements EventHandler {

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

    private final PaymentOutcomes orders;
    private final JsonMapper json;

    PaymentEvents(PaymentOutcomes orders, JsonMapper json) {
        this.orders = orders;
        this.json = json;
    }

    @Override
    public String producer() {
        return "payment-service";
    }

    @Override
    public Set<String> types() {
        return Set.of("PaymentSucceeded", "PaymentFailed", "RefundSucceeded");
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case "PaymentSucceeded" -> {
                PaymentSucceeded paid = event.payloadAs(json, PaymentSucceeded.class);
                orders.paymentSucceeded(paid.orderId(), paid.paymentId(), paid.amountMinor());
            }
            case "PaymentFailed" -> {
                PaymentFailed failed = event.payloadAs(json, PaymentFailed.class);
                orders.paymentFailed(failed.orderId(), failed.mayPayAgain());
            }
            case "RefundSucceeded" -> {
                RefundSucceeded refund = event.payloadAs(json, RefundSucceeded.class);
                orders.refundSucceeded(refund.refundId(), refund.paymentId(), refund.orderId(), refund.amountMinor());
            }
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
