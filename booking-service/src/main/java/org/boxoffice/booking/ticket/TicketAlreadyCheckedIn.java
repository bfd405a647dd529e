package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A second scan of a ticket that was admitted already; says when. */
public final class TicketAlreadyCheckedIn extends ProblemException {

    public TicketAlreadyCheckedIn(UUID ticketId, Instant checkedInAt) {
        super(BookingProblems.TICKET_ALREADY_CHECKED_IN, "Ticket " + ticketId + " was already checked in at "
                + checkedInAt + ".");
        with("ticketId", ticketId);
        with("checkedInAt", checkedInAt.toString());
    }
}
