package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/**
 * A cancellation (and so a refund) of an order some of whose tickets were admitted at the door: never by the buyer;
 * an organizer must ask for it explicitly ({@code includeCheckedIn=true}).
 */
public final class TicketsCheckedIn extends ProblemException {

    public TicketsCheckedIn(UUID orderId, int checkedIn, Instant firstAt, UsedTickets refused) {
        super(BookingProblems.TICKETS_CHECKED_IN, checkedIn + (checkedIn == 1 ? " ticket" : " tickets")
                + " of order " + orderId + " checked in (first at " + firstAt + "): a used ticket is not cancelled"
                + " or refunded" + (refused == UsedTickets.REFUSED_FOR_ORGANIZER
                        ? " unless the organizer asks for it with includeCheckedIn=true." : " on the buyer's request."));
        with("orderId", orderId);
        with("checkedIn", checkedIn);
        with("firstCheckedInAt", firstAt.toString());
    }
}
