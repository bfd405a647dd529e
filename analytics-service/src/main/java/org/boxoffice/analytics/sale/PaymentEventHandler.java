package org.boxoffice.analytics.sale;

import org.boxoffice.analytics.sale.PaymentEvents.PaymentFailed;
import org.boxoffice.analytics.sale.PaymentEvents.PaymentSucceeded;
import org.boxoffice.analytics.sale.PaymentEvents.RefundSucceeded;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Records payment-service's outcomes as facts. Payment events name only the order; which sale event they belong to
 * is joined at query time, so a payment read before its order (the two streams are read independently) counts as
 * soon as the order is known.
 */
@Component
class PaymentEventHandler extends EventHandler {

    PaymentEventHandler(SaleFacts facts) {
        super("payment-service");
        on(PaymentSucceeded.class, payment -> facts.paymentSucceeded(payment.paymentId(), payment.orderId(),
                payment.amountMinor(), payment.currency(), payment.succeededAt()));
        // Neither carries its own timestamp in v1: the envelope's commit time is when it happened.
        on(PaymentFailed.class, (payment, event) -> facts.paymentFailed(payment.paymentId(), payment.orderId(),
                payment.reason(), event.occurredAt()));
        on(RefundSucceeded.class, (refund, event) -> facts.refundSucceeded(refund.refundId(), refund.paymentId(),
                refund.orderId(), refund.amountMinor(), refund.currency(), event.occurredAt(), refund.reason()));
    }
}
