package org.boxoffice.analytics.sale;

import java.util.Set;

import org.boxoffice.analytics.sale.BookingEvents.EventCancelled;
import org.boxoffice.analytics.sale.BookingEvents.EventCapacityAdded;
import org.boxoffice.analytics.sale.BookingEvents.EventPublished;
import org.boxoffice.analytics.sale.BookingEvents.HoldPlaced;
import org.boxoffice.analytics.sale.BookingEvents.HoldReleased;
import org.boxoffice.analytics.sale.BookingEvents.OrderCancelled;
import org.boxoffice.analytics.sale.BookingEvents.OrderConfirmed;
import org.boxoffice.analytics.sale.BookingEvents.OrderExpired;
import org.boxoffice.analytics.sale.BookingEvents.OrderPlaced;
import org.boxoffice.analytics.sale.BookingEvents.Ticket;
import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Records booking-service's sale events as facts; runs in the bus's inbox transaction, so once per event. */
@Component
class BookingEventHandler implements EventHandler {

    private final JsonMapper json;
    private final SaleFacts facts;

    BookingEventHandler(JsonMapper json, SaleFacts facts) {
        this.json = json;
        this.facts = facts;
    }

    @Override
    public String producer() {
        return "booking-service";
    }

    @Override
    public Set<String> types() {
        return Set.of("EventPublished", "EventCapacityAdded", "HoldPlaced", "HoldReleased", "OrderPlaced",
                "OrderConfirmed", "OrderExpired", "OrderCancelled", "EventCancelled");
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case "EventPublished" -> {
                EventPublished published = event.payloadAs(json, EventPublished.class);
                facts.event(published.eventId(), published.organizationId(), published.title(), published.capacity());
            }
            case "EventCapacityAdded" -> {
                EventCapacityAdded added = event.payloadAs(json, EventCapacityAdded.class);
                facts.event(added.eventId(), added.organizationId(), null, added.capacity());
            }
            case "HoldPlaced" -> {
                HoldPlaced hold = event.payloadAs(json, HoldPlaced.class);
                facts.event(hold.eventId(), hold.organizationId(), null, null);
                facts.holdPlaced(hold.holdId(), hold.eventId(), hold.quantity(), hold.placedAt());
            }
            case "HoldReleased" -> {
                HoldReleased release = event.payloadAs(json, HoldReleased.class);
                facts.event(release.eventId(), release.organizationId(), null, null);
                facts.holdReleased(release.holdId(), release.eventId(), release.quantity(), release.reason(),
                        release.releasedAt());
            }
            case "OrderPlaced" -> {
                OrderPlaced order = event.payloadAs(json, OrderPlaced.class);
                facts.event(order.eventId(), order.organizationId(), null, null);
                facts.orderPlaced(order.orderId(), order.holdId(), order.eventId(), order.quantity(),
                        order.totalMinor(), order.currency(), order.placedAt());
                facts.orderCode(order.orderId(), order.promoCodeId(), order.promoCode(), null);
            }
            case "OrderConfirmed" -> {
                OrderConfirmed order = event.payloadAs(json, OrderConfirmed.class);
                facts.event(order.eventId(), order.organizationId(), order.eventTitle(), null);
                facts.orderConfirmed(order.orderId(), order.eventId(), order.tickets().size(), order.totalMinor(),
                        order.currency(), order.confirmedAt());
                facts.orderCode(order.orderId(), order.promoCodeId(), order.promoCode(), order.discountMinor());
                for (Ticket ticket : order.tickets()) {
                    facts.ticket(ticket, order.orderId(), order.eventId(), order.currency(), order.confirmedAt());
                }
            }
            case "OrderExpired" -> {
                OrderExpired order = event.payloadAs(json, OrderExpired.class);
                facts.event(order.eventId(), order.organizationId(), null, null);
                facts.orderExpired(order.orderId(), order.eventId(), order.quantity(), order.totalMinor(),
                        order.currency(), order.expiredAt());
            }
            case "OrderCancelled" -> {
                OrderCancelled order = event.payloadAs(json, OrderCancelled.class);
                facts.event(order.eventId(), order.organizationId(), null, null);
                facts.orderCancelled(order.orderId(), order.eventId(), order.reason(), order.currency(),
                        order.cancelledAt());
            }
            case "EventCancelled" -> {
                EventCancelled cancelled = event.payloadAs(json, EventCancelled.class);
                facts.event(cancelled.eventId(), cancelled.organizationId(), cancelled.title(), null);
                facts.eventCancelled(cancelled.eventId(), cancelled.cancelledAt());
            }
            default -> throw new IllegalArgumentException("not a booking event analytics reads: " + event.type());
        }
    }
}
