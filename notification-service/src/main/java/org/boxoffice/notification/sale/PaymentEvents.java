package org.boxoffice.notification.sale;

import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.sale.SaleEvents.PaymentFailed;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * payment-service's PaymentFailed: the buyer is told on their verified channels (the event carries only the buyer's
 * id; nothing was charged, so it is no receipt). Refunds are announced by booking's OrderCancelled, which carries the amount and the buyer.
 */
@Component
class PaymentEvents extends EventHandler {

    PaymentEvents(JsonMapper json, Outgoing outgoing) {
        super("payment-service");
        on(PaymentFailed.class, (failed, event) -> outgoing.toBuyer(event.id(), MessageKind.PAYMENT_FAILED,
                failed.buyerId(), null, json.writeValueAsString(failed), Outgoing.Reach.VERIFIED));
    }
}
