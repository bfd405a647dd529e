package org.boxoffice.analytics.sale;

import java.util.Set;

import org.boxoffice.analytics.sale.PaymentEvents.PaymentFailed;
import org.boxoffice.analytics.sale.PaymentEvents.PaymentSucceeded;
import org.boxoffice.analytics.sale.PaymentEvents.RefundSucceeded;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records payment-service's outcomes as facts. Payment events name only the order; which sale event they belong to
 * is joined at query time, so a payment read before its order (the two streams are read independently) counts as
 * soon as the order is known.
 */
@Component
class PaymentEventHandler implements EventHandler {

    private final JsonMapper json;
    private final SaleFacts facts;

    PaymentEventHandler(JsonMapper json, SaleFacts facts) {
        this.json = json;
        this.facts = facts;
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
                PaymentSucceeded payment = event.payloadAs(json, PaymentSucceeded.class);
                facts.paymentSucceeded(payment.paymentId(), payment.orderId(), payment.amountMinor(),
                        payment.currency(), payment.succeededAt());
            }
            // Neither carries its own timestamp in v1: the envelope's commit time is when it happened.
            case "PaymentFailed" -> {
                PaymentFailed payment = event.payloadAs(json, PaymentFailed.class);
                facts.paymentFailed(payment.paymentId(), payment.orderId(), payment.reason(), event.occurredAt());
            }
            case "RefundSucceeded" -> {
                RefundSucceeded refund = event.payloadAs(json, RefundSucceeded.class);
                facts.refundSucceeded(refund.refundId(), refund.paymentId(), refund.orderId(), refund.amountMinor(),
                        refund.currency(), event.occurredAt(), refund.reason());
            }
            default -> throw new IllegalArgumentException("not a payment event analytics reads: " + event.type());
        }
    }
}
