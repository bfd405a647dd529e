package org.boxoffice.booking.ticket;

import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.venue.VenueService;

/**
 * Tickets as a buyer gets them, through the domain services: a seat of a free event held and checked out (no payment
 * to wait for). For the tests that need a ticket to download, transfer or scan.
 */
final class TicketFixture {

    static final String EMAIL = "buyer@test.boxoffice.dev";

    private final BookingFixture sales;
    private final HoldService holds;
    private final Checkout checkout;
    private final TicketService tickets;

    TicketFixture(VenueService venues, EventService events, HoldService holds, Checkout checkout,
            TicketService tickets) {
        this.sales = new BookingFixture(venues, events);
        this.holds = holds;
        this.checkout = checkout;
        this.tickets = tickets;
    }

    /** A free event on sale: one row of ten seats and a floor of ten, four tickets an order and a buyer. */
    OnSale freeEvent() {
        return sales.free(1, 10, 10, 4, 4);
    }

    /** The buyer's ticket for the first seat of a new free event. */
    Ticket ticket(UUID buyer) {
        return ticket(freeEvent(), buyer, 0);
    }

    /** The buyer's ticket for seat {@code seat} (counted from 0 in the fixture's order) of {@code sale}. */
    Ticket ticket(OnSale sale, UUID buyer, int seat) {
        Hold hold = holds.hold(buyer, EMAIL, new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(seat, 1)));
        Order order = checkout.checkout(buyer, hold.id());
        return tickets.ofOrder(buyer, order.id()).getFirst();
    }
}
