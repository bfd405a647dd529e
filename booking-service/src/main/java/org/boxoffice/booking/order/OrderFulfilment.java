package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.invoice.InvoiceLine;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.invoice.Sums;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.inventory.SeatStatus;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.Venues;
import org.boxoffice.platform.transaction.TransactionPhases;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What every use case does once an order moved: a confirmed order's tickets sold and issued, {@code OrderConfirmed}
 * announced and its invoice issued; an ended order's tickets given back and, if they were issued, void. Runs in the
 * caller's transaction; the availability cache learns of the change only once it commits.
 */
@Component
class OrderFulfilment {

    private final Orders orders;
    private final Inventory inventory;
    private final TicketService tickets;
    private final Venues venues;
    private final BookingEvents announcements;
    private final AvailabilityCache cache;
    private final CodeRedemption codes;
    private final Invoicing invoicing;
    private final Clock clock;

    OrderFulfilment(Orders orders, Inventory inventory, TicketService tickets, Venues venues,
            BookingEvents announcements, AvailabilityCache cache, CodeRedemption codes, Invoicing invoicing,
            Clock clock) {
        this.orders = orders;
        this.inventory = inventory;
        this.tickets = tickets;
        this.venues = venues;
        this.announcements = announcements;
        this.cache = cache;
        this.codes = codes;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /** Confirms the order with {@code payment}; sells its tickets unless a late payment's retake sold them already. */
    void confirm(Order order, Event event, Payment payment) {
        Instant now = clock.instant();
        issue(order, event, order.confirm(payment, now), now);
    }

    /** Confirms a free order at checkout: its tickets sold and issued, nothing to pay. */
    void confirmFree(Order order, Event event) {
        Instant now = clock.instant();
        issue(order, event, Optional.of(order.confirmFree(now)), now);
    }

    private void issue(Order order, Event event, Optional<Claim> toSell, Instant now) {
        toSell.ifPresent(claim -> {
            InventoryChange sold = new InventoryChange(claim.eventId());
            inventory.sell(claim, sold);
            afterCommit(sold);
        });
        orders.flush();
        Purchase purchase = order.purchase();
        Bill bill = order.bill();
        List<Ticket> issued = tickets.issue(order.id(), purchase.eventId(), purchase.buyerId(), purchase.currency(),
                bill.lines().stream().map(line -> new TicketService.Admission(line.sectionId(), line.seatId(),
                        line.quantity(), line.unitPriceMinor())).toList());
        Venue venue = venues.findById(event.venueId()).orElseThrow();
        Amounts amounts = bill.amounts();
        List<TicketShares.Share> shares = TicketShares.of(bill.lines());
        // Only an order checked out with a code reads it again: one indexed query, for analytics' figures per code.
        @Nullable UUID codeId = bill.promoCode() == null ? null
                : codes.idOf(event.id(), bill.promoCode()).orElse(null);
        List<Published.Ticket> announced = new ArrayList<>();
        for (int i = 0; i < issued.size(); i++) {
            Ticket t = issued.get(i);
            TicketShares.Share share = shares.get(i);
            announced.add(new Published.Ticket(t.id(), t.code(), t.qrPayload(), t.sectionId(), t.sectionName(),
                    t.row(), t.seat(), t.tierName(), t.priceMinor(), share.discountMinor(), share.feeMinor(),
                    share.taxMinor(), share.paidMinor()));
        }
        // Numbered as the transaction commits, after every other lock it takes (Invoicing); the confirmation is
        // announced then with the invoice's id, number and PDF token: notification fetches the PDF for the email, so
        // no PDF is rendered while the organization's series is locked, and none travels through the stream.
        invoicing.issueInvoice(new Invoicing.Sale(order.id(), event.id(), event.organizationId(), purchase.buyerId(),
                purchase.buyerEmail(), event.title(), purchase.currency(), bill.charges(),
                bill.lines().stream().map(line -> new InvoiceLine(line.description(), line.quantity(),
                        line.unitPriceMinor(), line.amountMinor(), line.discountMinor(), line.feeMinor(),
                        line.taxMinor(), line.totalMinor())).toList(),
                new Sums(amounts.subtotalMinor(), amounts.discountMinor(), amounts.feeMinor(), amounts.taxMinor(),
                        amounts.totalMinor())),
                invoice -> announcements.announce(new Published.OrderConfirmed(order.id(), event.id(),
                        event.organizationId(), purchase.buyerId(), purchase.buyerEmail(), event.title(),
                        event.schedule().startsAt(), event.schedule().timezone(), venue.name(), venue.city(),
                        bill.totalMinor(), purchase.currency().getCurrencyCode(), now, List.copyOf(announced),
                        amounts.discountMinor(), amounts.feeMinor(), amounts.taxMinor(), bill.charges().taxLabel(),
                        bill.charges().taxRateBasisPoints(), bill.charges().taxIncluded(),
                        new Published.Invoice(invoice.invoiceId(), invoice.number(), invoice.pdfToken()), codeId,
                        bill.promoCode())));
    }

    /**
     * Gives back what an order that ended released, with the uses of the codes its tickets took; its tickets become
     * void if they were issued.
     */
    void giveBack(Order order, Release release) {
        orders.flush();
        InventoryChange change = new InventoryChange(release.claim().eventId());
        inventory.returnTickets(release.claim(), release.from(), change);
        if (release.voidsTickets()) {
            tickets.voidOrder(order.id());
        }
        // The uses of the codes its tickets took come back with them, once: a second ending finds them returned.
        codes.giveBack(order.purchase().holdId(), clock.instant());
        afterCommit(change);
    }

    /**
     * A wholly refunded order's tickets become void and, if it still had them (valid tickets mean the seats are still
     * sold for it), its seats go back on sale: voiding and releasing go together.
     */
    void refundedInFull(Order order) {
        if (tickets.voidOrder(order.id()) > 0) {
            InventoryChange change = new InventoryChange(order.purchase().eventId());
            inventory.returnTickets(order.claim(), SeatStatus.SOLD, change);
            codes.giveBack(order.purchase().holdId(), clock.instant());
            afterCommit(change);
        }
    }

    /** The availability cache learns of a change only once it committed; a rolled-back change never reaches it. */
    void afterCommit(InventoryChange change) {
        TransactionPhases.afterCommit(() -> cache.apply(change));
    }
}
