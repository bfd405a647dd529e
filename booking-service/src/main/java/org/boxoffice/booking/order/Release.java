package org.boxoffice.booking.order;

import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.inventory.SeatStatus;

/**
 * What an order that stops keeping its seats gives back: its claim's tickets, held (unpaid) or sold (then its
 * tickets become void), and what is to be refunded of its payment (zero when nothing was paid).
 */
record Release(Claim claim, SeatStatus from, long refundMinor) {

    Release {
        if (from == SeatStatus.AVAILABLE) {
            throw new IllegalArgumentException("an order gives back held or sold tickets");
        }
        if (refundMinor < 0 || (refundMinor > 0 && from != SeatStatus.SOLD)) {
            throw new IllegalArgumentException("only a sold order refunds, and never a negative amount");
        }
    }

    /** Whether the order's tickets were issued, and so are void now. */
    boolean voidsTickets() {
        return from == SeatStatus.SOLD;
    }
}
