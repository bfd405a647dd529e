package org.boxoffice.booking.order;

import java.util.UUID;

import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders as buyers and organizers read them. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

    private final Orders orders;
    private final EventService events;

    OrderQueries(Orders orders, EventService events) {
        this.orders = orders;
        this.events = events;
    }

    /** The buyer's own order; another buyer's order does not exist for them. */
    public Order get(UUID buyerId, UUID orderId) {
        return orders.findById(orderId).filter(order -> order.placedBy(buyerId))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    /** An order of an event the caller manages; any other order does not exist for them. */
    public Order ofEvent(OrganizerAccess access, UUID eventId, UUID orderId) {
        events.get(access, eventId);
        return orders.findById(orderId).filter(order -> order.purchase().eventId().equals(eventId))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    public PageResponse<Order> mine(UUID buyerId, PageQuery page) {
        return PageResponse.of(orders.findByPurchaseBuyerId(buyerId, page.sorted(NEWEST_FIRST)), page);
    }

    /** An organizer's view of an event's orders, optionally only those in one status. */
    public PageResponse<Order> ofEvent(OrganizerAccess access, UUID eventId, @Nullable OrderStatus status,
            PageQuery page) {
        events.get(access, eventId);
        return PageResponse.of(status == null ? orders.findByPurchaseEventId(eventId, page.sorted(NEWEST_FIRST))
                : orders.findByPurchaseEventIdAndStatus(eventId, status, page.sorted(NEWEST_FIRST)), page);
    }
}
