package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventCancelled;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldExpired;
import org.boxoffice.booking.hold.HoldItem;
import org.boxoffice.booking.hold.HoldNotActive;
import org.boxoffice.booking.hold.HoldNotFound;
import org.boxoffice.booking.hold.HoldReleaser;
import org.boxoffice.booking.hold.HoldStatus;
import org.boxoffice.booking.hold.Holds;
import org.boxoffice.booking.hold.Inventory;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Checkout (hold → order), order views, and the order transitions booking owns. */
@Service
public class OrderService {

    private final Orders orders;
    private final Holds holds;
    private final HoldReleaser releaser;
    private final Inventory inventory;
    private final EventService events;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration paymentWindow;

    OrderService(Orders orders, Holds holds, HoldReleaser releaser, Inventory inventory, EventService events,
            AvailabilityCache cache, TransactionTemplate transactions, Clock clock, BookingProperties properties) {
        this.orders = orders;
        this.holds = holds;
        this.releaser = releaser;
        this.inventory = inventory;
        this.events = events;
        this.cache = cache;
        this.transactions = transactions;
        this.clock = clock;
        this.paymentWindow = properties.paymentWindow();
    }

    /** Turns the buyer's active hold into an order awaiting payment; prices come from the event's tiers. */
    public Order checkout(UUID buyerId, UUID holdId) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Instant now = clock.instant();
            Hold hold = holds.findForUpdate(holdId).filter(h -> h.buyerId().equals(buyerId))
                    .orElseThrow(() -> new HoldNotFound(holdId));
            if (hold.effectiveStatus(now) == HoldStatus.EXPIRED) {
                throw new HoldExpired(holdId);
            }
            if (hold.status() != HoldStatus.ACTIVE) {
                throw new HoldNotActive(holdId, hold.status());
            }
            Event event = events.listed(hold.eventId());
            Map<UUID, EventSection> sections = events.sections(event.id()).stream()
                    .collect(Collectors.toMap(EventSection::sectionId, Function.identity()));
            List<UUID> seatIds = hold.items().stream().map(HoldItem::seatId).filter(Objects::nonNull).toList();
            Map<UUID, String> seatLabels = orders.seatLabels(seatIds);
            List<OrderLine> lines = new ArrayList<>();
            long total = 0;
            for (HoldItem item : hold.items()) {
                EventSection section = sections.get(item.sectionId());
                String description = section.name() + " (" + section.tier() + ")"
                        + (item.seatId() == null ? "" : ", " + seatLabels.get(item.seatId()));
                long amount = Math.multiplyExact(section.priceMinor(), item.quantity());
                total = Math.addExact(total, amount);
                lines.add(new OrderLine(item.sectionId(), item.seatId(), description, item.quantity(),
                        section.priceMinor(), amount));
            }
            if (!holds.end(holdId, HoldStatus.CHECKED_OUT, now, false)) {
                throw new HoldNotActive(holdId, hold.status());
            }
            Order order = new Order(UUID.randomUUID(), event.id(), buyerId, holdId, OrderStatus.PENDING_PAYMENT, total,
                    event.currency(), hold.quantity(), now, now.plus(paymentWindow), now, lines);
            orders.insert(order);
            return order;
        }));
    }

    /** The buyer's own order; another buyer's order does not exist for them. */
    public Order get(UUID buyerId, UUID orderId) {
        return orders.find(orderId).filter(order -> order.buyerId().equals(buyerId))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    public PageResponse<Order> mine(UUID buyerId, PageQuery page) {
        return PageResponse.of(orders.ofBuyer(buyerId, page), page, orders.countOfBuyer(buyerId));
    }

    /** An organizer's view of an event's orders, optionally only those in one status. */
    public PageResponse<Order> ofEvent(OrganizerAccess access, UUID eventId, @Nullable OrderStatus status,
            PageQuery page) {
        events.get(access, eventId);
        return PageResponse.of(orders.ofEvent(eventId, status, page), page, orders.countOfEvent(eventId, status));
    }

    /** An organizer cancels an order: its seats go back on sale; a paid order awaits its refund. */
    public Order cancel(OrganizerAccess access, UUID eventId, UUID orderId) {
        events.get(access, eventId);
        InventoryChange change = Objects.requireNonNull(transactions.execute(status -> {
            Order order = orders.findForUpdate(orderId).filter(o -> o.eventId().equals(eventId))
                    .orElseThrow(() -> new OrderNotFound(orderId));
            return endOrder(order, order.cancelled());
        }));
        cache.apply(change);
        return orders.find(orderId).orElseThrow();
    }

    /**
     * Payment succeeded: the order is CONFIRMED and its held seats and area tickets become SOLD. Called by the
     * payment integration.
     */
    public Order confirm(UUID orderId) {
        InventoryChange change = Objects.requireNonNull(transactions.execute(status -> {
            Order order = orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFound(orderId));
            OrderStatus confirmed = order.confirmed();
            Hold hold = holds.find(order.holdId()).orElseThrow();
            InventoryChange sold = new InventoryChange(order.eventId());
            inventory.sell(order.eventId(), hold.id(), hold.items(), sold);
            orders.transition(orderId, order.status(), confirmed, clock.instant());
            return sold;
        }));
        cache.apply(change);
        return orders.find(orderId).orElseThrow();
    }

    /** Expires unpaid orders past their payment deadline; several replicas may run it at once. */
    public int expireOverdue(int batch) {
        Instant now = clock.instant();
        List<InventoryChange> changes = Objects.requireNonNull(transactions.execute(status -> {
            List<InventoryChange> done = new ArrayList<>();
            for (UUID orderId : orders.claimOverdue(now, batch)) {
                Order order = orders.find(orderId).orElseThrow();
                done.add(endOrder(order, OrderStatus.EXPIRED));
            }
            return done;
        }));
        changes.forEach(cache::apply);
        return changes.size();
    }

    /** A cancelled event releases its active holds and cancels its orders, in the cancelling transaction. */
    @EventListener
    void on(EventCancelled cancelled) {
        Instant now = clock.instant();
        for (UUID holdId : holds.activeOfEvent(cancelled.eventId())) {
            releaser.release(holdId, HoldStatus.RELEASED, now, false);
        }
        for (UUID orderId : orders.liveOfEvent(cancelled.eventId())) {
            Order order = orders.find(orderId).orElseThrow();
            endOrder(order, order.cancelled());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate(cancelled.eventId());
            }
        });
    }

    private InventoryChange endOrder(Order order, OrderStatus to) {
        if (!orders.transition(order.id(), order.status(), to, clock.instant())) {
            throw new OrderStateConflict(order.id(), order.status(), "The order changed meanwhile; try again.");
        }
        Hold hold = holds.find(order.holdId()).orElseThrow();
        InventoryChange change = new InventoryChange(order.eventId());
        inventory.returnTickets(order.eventId(), order.buyerId(), hold.id(), hold.items(),
                order.status() == OrderStatus.CONFIRMED, change);
        return change;
    }
}
