package org.boxoffice.analytics.sale;

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
import org.boxoffice.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Records booking-service's sale events as facts; runs in the bus's inbox transaction, so once per event. */
@Component
class BookingEventHandler extends EventHandler {

    private final SaleFacts facts;

    BookingEventHandler(SaleFacts facts) {
        super("booking-service");
        this.facts = facts;
        on(EventPublished.class, published -> facts.event(published.eventId(), published.organizationId(),
                published.title(), published.capacity()));
        on(EventCapacityAdded.class, added -> facts.event(added.eventId(), added.organizationId(), null,
                added.capacity()));
        on(HoldPlaced.class, hold -> {
            facts.event(hold.eventId(), hold.organizationId(), null, null);
            facts.holdPlaced(hold.holdId(), hold.eventId(), hold.quantity(), hold.placedAt());
        });
        on(HoldReleased.class, release -> {
            facts.event(release.eventId(), release.organizationId(), null, null);
            facts.holdReleased(release.holdId(), release.eventId(), release.quantity(), release.reason(),
                    release.releasedAt());
        });
        on(OrderPlaced.class, order -> {
            facts.event(order.eventId(), order.organizationId(), null, null);
            facts.orderPlaced(order.orderId(), order.holdId(), order.eventId(), order.quantity(), order.totalMinor(),
                    order.currency(), order.placedAt());
            facts.orderCode(order.orderId(), order.promoCodeId(), order.promoCode(), null);
        });
        on(OrderConfirmed.class, this::orderConfirmed);
        on(OrderExpired.class, order -> {
            facts.event(order.eventId(), order.organizationId(), null, null);
            facts.orderExpired(order.orderId(), order.eventId(), order.quantity(), order.totalMinor(),
                    order.currency(), order.expiredAt());
        });
        on(OrderCancelled.class, order -> {
            facts.event(order.eventId(), order.organizationId(), null, null);
            facts.orderCancelled(order.orderId(), order.eventId(), order.reason(), order.currency(),
                    order.cancelledAt());
        });
        on(EventCancelled.class, cancelled -> {
            facts.event(cancelled.eventId(), cancelled.organizationId(), cancelled.title(), null);
            facts.eventCancelled(cancelled.eventId(), cancelled.cancelledAt());
        });
    }

    private void orderConfirmed(OrderConfirmed order) {
        facts.event(order.eventId(), order.organizationId(), order.eventTitle(), null);
        facts.orderConfirmed(order.orderId(), order.eventId(), order.tickets().size(), order.totalMinor(),
                order.currency(), order.confirmedAt());
        facts.orderCode(order.orderId(), order.promoCodeId(), order.promoCode(), order.discountMinor());
        for (Ticket ticket : order.tickets()) {
            facts.ticket(ticket, order.orderId(), order.eventId(), order.currency(), order.confirmedAt());
        }
    }
}
