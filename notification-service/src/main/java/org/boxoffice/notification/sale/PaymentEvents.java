package org.boxoffice.notification.sale;

import java.util.Set;

import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.sale.SaleEvents.PaymentFailed;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * payment-service's PaymentFailed: the buyer is told on their verified channels (the event carries only the buyer's
 * id; nothing was charged, so it is no receipt). Refunds are announced by booking's OrderCancelled, which carries the amount and the buyer.
 */
@Component
class PaymentEvents implements EventHandler {

    private final JsonMapper json;
    private final Outgoing outgoing;

    PaymentEvents(JsonMapper json, Outgoing outgoing) {
        this.json = json;
        this.outgoing = outgoing;
    }

    @Override
    public String producer() {
        return "payment-service";
    }

    @Override
    public Set<String> types() {
        return Set.of("PaymentFailed");
    }

    @Override
    public void handle(EventEnvelope event) {
        PaymentFailed failed = event.payloadAs(json, PaymentFailed.class);
        outgoing.toBuyer(event.id(), MessageKind.PAYMENT_FAILED, failed.buyerId(), null, event.payload(),
                Outgoing.Reach.VERIFIED);
    }
}
