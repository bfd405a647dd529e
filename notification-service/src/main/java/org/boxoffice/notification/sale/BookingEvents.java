package org.boxoffice.notification.sale;

import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.delivery.Lane;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.sale.SaleEvents.EventCancelled;
import org.boxoffice.notification.sale.SaleEvents.OrderCancelled;
import org.boxoffice.notification.sale.SaleEvents.OrderConfirmed;
import org.boxoffice.notification.sale.SaleEvents.OrderExpired;
import org.boxoffice.notification.sale.SaleEvents.OrderPlaced;
import org.boxoffice.notification.sale.SaleEvents.TicketTransferred;
import org.boxoffice.notification.sale.SaleEvents.WaitingListOffered;
import org.boxoffice.platform.events.EventHandler;
import org.boxoffice.platform.events.ReceivedEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * booking-service's events: learns buyers' addresses and ticket holders, and plans the buyer's messages. Runs in the
 * inbox transaction (exactly once per event); the messages are sent after commit by the dispatcher, rendered from the
 * event as {@link SaleEvents} reads it (the record, written back as JSON). Receipts (the confirmed order, a refund) may
 * reach an address not verified yet; everything else needs a verified channel ({@link Outgoing}).
 */
@Component
class BookingEvents extends EventHandler {

    private final JsonMapper json;
    private final Outgoing outgoing;
    private final Contacts contacts;
    private final Audience audience;

    BookingEvents(JsonMapper json, Outgoing outgoing, Contacts contacts, Audience audience) {
        super("booking-service");
        this.json = json;
        this.outgoing = outgoing;
        this.contacts = contacts;
        this.audience = audience;
        on(OrderPlaced.class, (placed, event) -> audience.event(placed.eventId(), placed.organizationId(), null,
                event.occurredAt()));
        on(OrderConfirmed.class, this::orderConfirmed);
        on(OrderExpired.class, (expired, event) -> {
            contacts.remember(expired.buyerId(), expired.buyerEmail(), event.occurredAt());
            audience.event(expired.eventId(), expired.organizationId(), expired.eventTitle(), event.occurredAt());
            outgoing.toBuyer(event.id(), MessageKind.ORDER_EXPIRED, expired.buyerId(), expired.buyerEmail(),
                    json.writeValueAsString(expired), Outgoing.Reach.VERIFIED);
        });
        on(OrderCancelled.class, this::orderCancelled);
        on(EventCancelled.class, (cancelled, event) -> {
            audience.event(cancelled.eventId(), cancelled.organizationId(), cancelled.title(), event.occurredAt());
            audience.eventCancelled(cancelled.eventId());
            // Every holder must hear it soon, but it is one message to thousands: the bulk lane keeps it from holding
            // up other buyers' tickets.
            outgoing.toHolders(event.id(), MessageKind.EVENT_CANCELLED, Lane.BULK, cancelled.eventId(),
                    json.writeValueAsString(cancelled));
        });
        on(WaitingListOffered.class, (offered, event) -> {
            contacts.remember(offered.buyerId(), offered.buyerEmail(), event.occurredAt());
            audience.event(offered.eventId(), offered.organizationId(), offered.eventTitle(), event.occurredAt());
            // Not a receipt: like every message but those, only to a verified channel; the offer also shows on the
            // buyer's waiting-list page, which is where it is claimed.
            outgoing.toBuyer(event.id(), MessageKind.WAITING_LIST_OFFER, offered.buyerId(), offered.buyerEmail(),
                    json.writeValueAsString(offered), Outgoing.Reach.VERIFIED);
        });
        on(TicketTransferred.class, (transferred, event) -> {
            audience.event(transferred.eventId(), transferred.organizationId(), transferred.eventTitle(),
                    event.occurredAt());
            // The buyer chose the address: it gets the new ticket like a receipt, counted against the buyer's caps, so
            // transfers cannot be used to mail strangers at will.
            outgoing.toAddress(event.id(), MessageKind.TICKET_TRANSFERRED, transferred.buyerId(),
                    transferred.recipientEmail(), json.writeValueAsString(transferred));
        });
    }

    private void orderConfirmed(OrderConfirmed order, ReceivedEvent event) {
        contacts.remember(order.buyerId(), order.buyerEmail(), event.occurredAt());
        audience.event(order.eventId(), order.organizationId(), order.eventTitle(), event.occurredAt());
        audience.holder(order.orderId(), order.eventId(), order.buyerId(), Math.max(1, order.tickets().size()),
                event.occurredAt());
        outgoing.tickets(event.id(), order.buyerId(), order.buyerEmail(), json.writeValueAsString(order));
    }

    private void orderCancelled(OrderCancelled cancelled, ReceivedEvent event) {
        contacts.remember(cancelled.buyerId(), cancelled.buyerEmail(), event.occurredAt());
        audience.orderCancelled(cancelled.orderId(), event.occurredAt());
        if (cancelled.reason().equals("BUYER") && cancelled.refundMinor() == 0) {
            // The buyer cancelled an unpaid order themselves: nothing to tell them, and nothing a script repeating
            // hold, checkout and cancel could make us send.
            return;
        }
        // Money going back is a receipt, owed even to an address not verified yet.
        outgoing.toBuyer(event.id(), MessageKind.ORDER_CANCELLED, cancelled.buyerId(), cancelled.buyerEmail(),
                json.writeValueAsString(cancelled),
                cancelled.refundMinor() > 0 ? Outgoing.Reach.RECEIPT : Outgoing.Reach.VERIFIED);
    }
}
