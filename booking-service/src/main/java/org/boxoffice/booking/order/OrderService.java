package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventCancelled;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldExpired;
import org.boxoffice.booking.hold.HoldItem;
import org.boxoffice.booking.hold.HoldNotActive;
import org.boxoffice.booking.hold.HoldNotFound;
import org.boxoffice.booking.hold.HoldReleaser;
import org.boxoffice.booking.hold.HoldStatus;
import org.boxoffice.booking.hold.Holds;
import org.boxoffice.booking.hold.Inventory;
import org.boxoffice.booking.hold.SeatsUnavailable;
import org.boxoffice.booking.hold.TicketLimitExceeded;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.Venues;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout (hold → order), order views, and every order transition booking owns: the buyer's and the organizer's
 * cancellations, expiry, and the booking side of the sale saga (docs/sale-saga.md). Each transition and the events
 * announcing it commit in one transaction.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
    private static final Set<OrderStatus> LIVE = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.CONFIRMED,
            OrderStatus.PARTIALLY_REFUNDED);

    private final Orders orders;
    private final OrderStatements statements;
    private final Holds holds;
    private final HoldReleaser releaser;
    private final Inventory inventory;
    private final EventService events;
    private final Venues venues;
    private final TicketService tickets;
    private final BookingEvents announcements;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final Duration paymentWindow;

    OrderService(Orders orders, OrderStatements statements, Holds holds, HoldReleaser releaser, Inventory inventory,
            EventService events, Venues venues, TicketService tickets, BookingEvents announcements,
            AvailabilityCache cache, PlatformTransactionManager transactionManager, Clock clock,
            BookingProperties properties) {
        this.orders = orders;
        this.statements = statements;
        this.holds = holds;
        this.releaser = releaser;
        this.inventory = inventory;
        this.events = events;
        this.venues = venues;
        this.tickets = tickets;
        this.announcements = announcements;
        this.cache = cache;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
            Map<UUID, String> seatLabels = (seatIds.isEmpty() ? List.<Seat>of() : venues.findSeats(seatIds)).stream()
                    .collect(Collectors.toMap(Seat::id, seat -> "row " + seat.row() + ", seat " + seat.number()));
            List<OrderLine> lines = new ArrayList<>();
            for (HoldItem item : hold.items()) {
                EventSection section = sections.get(item.sectionId());
                String description = section.name() + " (" + section.tier() + ")"
                        + (item.seatId() == null ? "" : ", " + seatLabels.get(item.seatId()));
                lines.add(new OrderLine(item.sectionId(), item.seatId(), description, item.quantity(),
                        section.priceMinor(), Math.multiplyExact(section.priceMinor(), item.quantity())));
            }
            if (!holds.end(holdId, HoldStatus.CHECKED_OUT, now, false)) {
                throw new HoldNotActive(holdId, hold.status());
            }
            Order order = orders.saveAndFlush(new Order(event.id(), buyerId, hold.buyerEmail(), holdId,
                    event.currency(), hold.quantity(), lines, now, now.plus(paymentWindow)));
            announcements.announce(new Published.OrderPlaced(order.id(), holdId, event.id(), event.organizationId(),
                    buyerId, order.quantity(), order.totalMinor(), event.currency().getCurrencyCode(), now,
                    order.paymentDue()));
            if (order.totalMinor() == 0) {
                // Nothing to pay, so nothing to wait for: payment-service could not take a payment of zero.
                confirm(order, event, null, 0);
            }
            return order;
        }));
    }

    /** The buyer's own order; another buyer's order does not exist for them. */
    @Transactional(readOnly = true)
    public Order get(UUID buyerId, UUID orderId) {
        return orders.findById(orderId).filter(order -> order.buyerId().equals(buyerId))
                .orElseThrow(() -> new OrderNotFound(orderId));
    }

    @Transactional(readOnly = true)
    public PageResponse<Order> mine(UUID buyerId, PageQuery page) {
        return PageResponse.of(orders.findByBuyerId(buyerId, page.sorted(NEWEST_FIRST)), page);
    }

    /** An organizer's view of an event's orders, optionally only those in one status. */
    @Transactional(readOnly = true)
    public PageResponse<Order> ofEvent(OrganizerAccess access, UUID eventId, @Nullable OrderStatus status,
            PageQuery page) {
        events.get(access, eventId);
        return PageResponse.of(status == null ? orders.findByEventId(eventId, page.sorted(NEWEST_FIRST))
                : orders.findByEventIdAndStatus(eventId, status, page.sorted(NEWEST_FIRST)), page);
    }

    /**
     * An organizer cancels an order: its seats go back on sale; what was paid and not yet refunded is refunded. An
     * order whose tickets were used at the door is cancelled only when the organizer says so ({@code includeCheckedIn}).
     */
    public Order cancel(OrganizerAccess access, UUID eventId, UUID orderId, boolean includeCheckedIn) {
        Event event = events.get(access, eventId);
        transactions.executeWithoutResult(status -> {
            Order order = orders.findForUpdate(orderId).filter(o -> o.eventId().equals(eventId))
                    .orElseThrow(() -> new OrderNotFound(orderId));
            if (order.status().sold()) {
                tickets.requireNotCheckedIn(orderId, includeCheckedIn, true);
            }
            cancelLive(order, event, "ORGANIZER");
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
            Order order = orders.findForUpdate(orderId).filter(o -> o.buyerId().equals(buyerId))
                    .orElseThrow(() -> new OrderNotFound(orderId));
            Event event = events.byId(order.eventId());
            if (order.status().sold() && order.paid() && !clock.instant().isBefore(event.refundableUntil())) {
                throw new RefundWindowClosed(orderId, event.refundableUntil());
            }
            if (!order.status().keepsSeats()) {
                throw new OrderStateConflict(orderId, order.status(),
                        "A " + order.status() + " order cannot be cancelled.");
            }
            if (order.status().sold()) {
                tickets.requireNotCheckedIn(orderId, false, false);
            }
            cancelLive(order, event, "BUYER");
        });
        return orders.findById(orderId).orElseThrow();
    }

    /** Expires unpaid orders past their payment deadline; several replicas may run it at once. */
    public int expireOverdue(int batch) {
        Instant now = clock.instant();
        Integer expired = transactions.execute(status -> {
            Map<UUID, Event> eventsById = new HashMap<>();
            List<UUID> claimed = statements.claimOverdue(now, batch);
            for (Order order : orders.findAllById(claimed)) {
                Event event = eventsById.computeIfAbsent(order.eventId(), events::byId);
                endOrder(order, () -> order.expire(now));
                announcements.announce(new Published.OrderExpired(order.id(), event.id(), event.organizationId(),
                        order.buyerId(), order.buyerEmail(), event.title(), order.quantity(), order.totalMinor(),
                        order.currency().getCurrencyCode(), now));
            }
            return claimed.size();
        });
        return expired == null ? 0 : expired;
    }

    /** A cancelled event releases its active holds and cancels its orders, in the cancelling transaction. */
    @EventListener
    void on(EventCancelled cancelled) {
        Instant now = clock.instant();
        Event event = events.byId(cancelled.eventId());
        for (UUID holdId : holds.activeOfEvent(cancelled.eventId())) {
            releaser.release(holdId, HoldReleaser.Reason.ORGANIZER, now);
        }
        for (Order order : orders.findByEventForUpdate(cancelled.eventId(), LIVE)) {
            cancelLive(order, event, "EVENT_CANCELLED");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate(cancelled.eventId());
            }
        });
    }

    /**
     * Payment succeeded (runs in the consumer's inbox transaction). A pending order is confirmed. An order that
     * stopped waiting — expired, or failed on an earlier attempt — is confirmed only if its same seats can be taken
     * again through the fence; otherwise, as for any order that can no longer be sold, the money goes back. A second
     * payment for an order already paid is refunded. Nothing paid is ever kept silently.
     */
    public void paymentSucceeded(UUID orderId, UUID paymentId, long amountMinor) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("PaymentSucceeded for unknown order " + orderId));
        Event event = events.byId(order.eventId());
        if (order.paid()) {
            if (!paymentId.equals(order.paymentId())) {
                log.warn("Order {} was paid by {} already; refunding the second payment {}", orderId,
                        order.paymentId(), paymentId);
                announcements.announce(new Published.RefundRequested(orderId, order.buyerId(), amountMinor,
                        order.currency().getCurrencyCode(), "DUPLICATE_PAYMENT", paymentId));
            }
            return;
        }
        if (order.status().sold()) {
            // A free order, confirmed at checkout: nothing was due, so whatever was paid goes back.
            announcements.announce(new Published.RefundRequested(orderId, order.buyerId(), amountMinor,
                    order.currency().getCurrencyCode(), "NOTHING_DUE", paymentId));
            return;
        }
        switch (order.status()) {
            case PENDING_PAYMENT -> confirm(order, event, paymentId, amountMinor);
            case EXPIRED, FAILED -> confirmLateOrRefund(order, event, paymentId, amountMinor);
            default -> {
                // Cancelled before the money arrived (buyer, organizer, cancelled event): the buyer gets it back.
                order.paidAfterCancellation(paymentId, amountMinor, clock.instant());
                orders.flush();
                announcements.announce(new Published.RefundRequested(orderId, order.buyerId(), null,
                        order.currency().getCurrencyCode(), "PAID_AFTER_CANCELLATION", paymentId));
            }
        }
    }

    /** Payment failed: a pending order ends FAILED and its seats go back on sale. Late failures change nothing. */
    public void paymentFailed(UUID orderId) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("PaymentFailed for unknown order " + orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return;
        }
        Instant now = clock.instant();
        endOrder(order, () -> order.fail(now));
    }

    /**
     * payment-service returned money. Each refund counts once; refunds of a duplicate payment leave the order alone.
     * The whole payment back → REFUNDED, tickets void and, if the order still had them, seats back on sale; part of
     * it → PARTIALLY_REFUNDED, tickets still valid (a goodwill or fee refund, not a cancellation).
     */
    public void refundSucceeded(UUID refundId, @Nullable UUID paymentId, UUID orderId, long amountMinor) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("RefundSucceeded for unknown order " + orderId));
        Instant now = clock.instant();
        if (!statements.recordRefund(refundId, orderId, amountMinor, now)) {
            return;
        }
        if (!order.paid() || (paymentId != null && !paymentId.equals(order.paymentId()))) {
            return;
        }
        boolean whole = order.refunded(amountMinor, now);
        orders.flush();
        // Valid tickets mean the seats are still sold for this order: voiding and releasing go together.
        if (whole && tickets.voidOrder(orderId) > 0) {
            InventoryChange change = new InventoryChange(order.eventId());
            Hold hold = holds.find(order.holdId()).orElseThrow();
            inventory.returnTickets(order.eventId(), order.buyerId(), hold.id(), hold.items(), true, change);
            afterCommit(change);
        }
    }

    /** Sells the order's tickets and issues them; {@code paymentId} is null for a free order. */
    private void confirm(Order order, Event event, @Nullable UUID paymentId, long amountMinor) {
        Instant now = clock.instant();
        Hold hold = holds.find(order.holdId()).orElseThrow();
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            InventoryChange sold = new InventoryChange(order.eventId());
            inventory.sell(order.eventId(), hold.id(), hold.items(), sold);
            afterCommit(sold);
        }
        order.confirm(paymentId, amountMinor, now);
        orders.flush();
        List<Ticket> issued = tickets.issue(order.id(), order.eventId(), order.buyerId(), order.currency(),
                order.lines().stream().map(line -> new TicketService.Admission(line.sectionId(), line.seatId(),
                        line.quantity(), line.unitPriceMinor())).toList());
        Venue venue = venues.findById(event.venueId()).orElseThrow();
        announcements.announce(new Published.OrderConfirmed(order.id(), event.id(), event.organizationId(),
                order.buyerId(), order.buyerEmail(), event.title(), event.startsAt(), event.timezone().getId(),
                venue.name(), venue.city(), order.totalMinor(), order.currency().getCurrencyCode(), now,
                issued.stream().map(t -> new Published.Ticket(t.id(), t.code(), t.qrPayload(), t.sectionId(),
                        t.sectionName(), t.row(), t.seat(), t.tierName(), t.priceMinor())).toList()));
    }

    /**
     * Invariant 7: the same seats again if still free (same fence as a hold) and within the buyer's per-buyer limit
     * (the expired order gave its tickets back, and the buyer may have held or bought others since), else a full
     * refund.
     */
    private void confirmLateOrRefund(Order order, Event event, UUID paymentId, long amountMinor) {
        boolean sellable = event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.SALES_PAUSED;
        InventoryChange retaken = null;
        if (sellable) {
            try {
                retaken = savepoint.execute(status -> {
                    InventoryChange change = new InventoryChange(order.eventId());
                    Hold hold = holds.find(order.holdId()).orElseThrow();
                    inventory.retake(order.eventId(), order.buyerId(), hold.id(), hold.items(), event.maxPerBuyer(),
                            change);
                    return change;
                });
            } catch (SeatsUnavailable taken) {
                log.info("Order {} was paid after its seats were released and resold; refunding", order.id());
            } catch (TicketLimitExceeded overLimit) {
                log.info("Order {} was paid after expiry, but its buyer has held or bought other tickets since and the"
                        + " re-take would pass the limit of {} per buyer; refunding", order.id(), event.maxPerBuyer());
            }
        }
        if (retaken != null) {
            afterCommit(retaken);
            confirm(order, event, paymentId, amountMinor);
            return;
        }
        Instant now = clock.instant();
        order.paidTooLate(paymentId, amountMinor, now);
        orders.flush();
        announcements.announce(new Published.RefundRequested(order.id(), order.buyerId(), null,
                order.currency().getCurrencyCode(), "PAID_AFTER_EXPIRY", paymentId));
        announcements.announce(new Published.OrderCancelled(order.id(), event.id(), event.organizationId(),
                order.buyerId(), order.buyerEmail(), event.title(), "PAID_AFTER_EXPIRY", amountMinor,
                order.currency().getCurrencyCode(), now));
    }

    /**
     * Cancels a pending, confirmed or partly refunded order: its seats go back on sale, its tickets are void, and what
     * was paid and not yet refunded is refunded (nothing, for a free order).
     */
    private void cancelLive(Order order, Event event, String reason) {
        boolean sold = order.status().sold();
        long refundable = order.refundable();
        endOrder(order, () -> order.cancel(reason, clock.instant()));
        long refund = 0;
        if (sold && refundable > 0) {
            refund = refundable;
            // null: everything still refundable, which payment-service knows to the minor unit.
            announcements.announce(new Published.RefundRequested(order.id(), order.buyerId(), null,
                    order.currency().getCurrencyCode(), reason, order.paymentId()));
        }
        announcements.announce(new Published.OrderCancelled(order.id(), event.id(), event.organizationId(),
                order.buyerId(), order.buyerEmail(), event.title(), reason, refund,
                order.currency().getCurrencyCode(), clock.instant()));
    }

    /**
     * Moves a seat-keeping order on with {@code transition} and gives its seats back; a confirmed order's tickets
     * become void.
     */
    private void endOrder(Order order, Runnable transition) {
        boolean sold = order.status().sold();
        transition.run();
        orders.flush();
        Hold hold = holds.find(order.holdId()).orElseThrow();
        InventoryChange change = new InventoryChange(order.eventId());
        inventory.returnTickets(order.eventId(), order.buyerId(), hold.id(), hold.items(), sold, change);
        if (sold) {
            tickets.voidOrder(order.id());
        }
        afterCommit(change);
    }

    /** The availability cache learns of a change only once it committed; a rolled-back change never reaches it. */
    private void afterCommit(InventoryChange change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.apply(change);
                }
            });
        } else {
            cache.apply(change);
        }
    }
}
