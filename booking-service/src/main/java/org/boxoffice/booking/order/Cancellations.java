package org.boxoffice.booking.order;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventCancelled;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.booking.ticket.UsedTickets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling orders: by the buyer, by an organizer, and every live order of a cancelled event. A cancelled order's
 * seats go back on sale, its tickets are void, and what was paid and not yet refunded is refunded; the cancellation
 * and the events announcing it commit in one transaction.
 */
@Service
public class Cancellations {

    private static final Set<OrderStatus> LIVE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.CONFIRMED,
            OrderStatus.PARTIALLY_REFUNDED);

    private final Orders orders;
    private final EventService events;
    private final TicketService tickets;
    private final OrderFulfilment fulfilment;
    private final BookingEvents announcements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Cancellations(Orders orders, EventService events, TicketService tickets, OrderFulfilment fulfilment,
            BookingEvents announcements, PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.tickets = tickets;
        this.fulfilment = fulfilment;
        this.announcements = announcements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * An organizer cancels an order: its seats go back on sale; what was paid and not yet refunded is refunded. An
     * order whose tickets were used at the door is cancelled only when the organizer includes them ({@code used}).
     */
    public Order cancel(OrganizerAccess access, UUID eventId, UUID orderId,
            UsedTickets used) {
        Event event = events.get(access, eventId);
        transactions.executeWithoutResult(status -> {
            Order order = orders.findForUpdate(orderId).filter(o -> o.purchase().eventId().equals(eventId))
                    .orElseThrow(() -> new OrderNotFound(orderId));
            if (order.status().sold()) {
                tickets.requireNotCheckedIn(orderId, used);
            }
            cancelLive(order, event, CancelReason.ORGANIZER);
        });
        return orders.findById(orderId).orElseThrow();
    }

    /**
     * The buyer cancels their own order. Unpaid: it ends and the seats go back on sale. Paid (partly refunded too):
     * only until the event's refund policy cutoff, and never once a ticket of it was used at the door; then it awaits
     * the refund of what is left, its tickets are void and its seats back on sale.
     */
    public Order cancelByBuyer(UUID buyerId, UUID orderId) {
        transactions.executeWithoutResult(status -> {
            Order order = orders.findForUpdate(orderId).filter(o -> o.placedBy(buyerId))
                    .orElseThrow(() -> new OrderNotFound(orderId));
            Event event = events.byId(order.purchase().eventId());
            order.requireCancellableByBuyer(event.refundableUntil(), clock.instant());
            if (order.status().sold()) {
                tickets.requireNotCheckedIn(orderId, UsedTickets.REFUSED_FOR_BUYER);
            }
            cancelLive(order, event, CancelReason.BUYER);
        });
        return orders.findById(orderId).orElseThrow();
    }

    /**
     * A cancelled event cancels its live orders, in the cancelling transaction and after its holds were released
     * (the hold feature's listener runs first).
     */
    @EventListener
    @org.springframework.core.annotation.Order(2)
    void on(EventCancelled cancelled) {
        Event event = events.byId(cancelled.eventId());
        for (Order order : orders.findByEventForUpdate(cancelled.eventId(), LIVE)) {
            cancelLive(order, event, CancelReason.EVENT_CANCELLED);
        }
    }

    /** Cancels a live order, gives its tickets back and asks for the refund of what is left of its payment. */
    private void cancelLive(Order order, Event event, CancelReason reason) {
        Release release = order.cancel(reason, clock.instant());
        fulfilment.giveBack(order, release);
        if (release.refundMinor() > 0) {
            // null: everything still refundable, which payment-service knows to the minor unit.
            announcements.announce(new Published.RefundRequested(order.id(), order.purchase().buyerId(), null,
                    order.purchase().currency().getCurrencyCode(), RefundReason.of(reason).name(),
                    order.settlement().paymentId()));
        }
        announcements.announce(new Published.OrderCancelled(order.id(), event.id(), event.organizationId(),
                order.purchase().buyerId(), order.purchase().buyerEmail(), event.title(), reason.name(),
                release.refundMinor(),
                order.purchase().currency().getCurrencyCode(), clock.instant()));
    }
}
