package org.boxoffice.payment.refund;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.boxoffice.payment.payment.Payments;
import org.boxoffice.platform.events.EventHandler;
import org.boxoffice.platform.events.ReceivedEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refunds an order's captured payment when booking-service asks ({@code RefundRequested} v1). Runs in the inbox
 * transaction, so the reservation and the PENDING refund commit with the record that the event was handled: a
 * redelivery finds the event id in the inbox and does nothing. The provider is asked afterwards by
 * {@link RefundWorker}. The refund's id is derived from the event's, so even a handler run twice could not refund twice.
 * Anything it cannot honour (no captured payment, another currency, too much) throws: retried, then dead-lettered
 * for an operator, never silently dropped.
 */
@Component
class RefundRequestedHandler extends EventHandler {

    /** booking-service's event, in payment-service's own copy. {@code amountMinor} null means the full amount. */
    record RefundRequested(UUID orderId, UUID buyerId, @Nullable Long amountMinor, String currency, String reason) {
    }

    private final Payments payments;
    private final RefundService refunds;

    RefundRequestedHandler(Payments payments, RefundService refunds) {
        super("booking-service");
        this.payments = payments;
        this.refunds = refunds;
        on(RefundRequested.class, this::refund);
    }

    private void refund(RefundRequested requested, ReceivedEvent event) {
        var payment = payments.findCapturedByOrderForUpdate(requested.orderId()).orElseThrow(
                () -> new IllegalStateException("order " + requested.orderId() + " has no captured payment"));
        if (!payment.currency().equals(requested.currency())) {
            throw new IllegalStateException("refund in " + requested.currency() + " of a " + payment.currency()
                    + " payment");
        }
        UUID refundId = UUID.nameUUIDFromBytes(("RefundRequested:" + event.id()).getBytes(StandardCharsets.UTF_8));
        refunds.request(refundId, payment, requested.amountMinor(), requested.reason(), "event:" + event.id());
    }
}
