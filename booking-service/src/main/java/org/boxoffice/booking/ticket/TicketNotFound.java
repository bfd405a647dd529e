package org.boxoffice.booking.ticket;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No such ticket for the caller: another buyer's ticket, or another organization's, does not exist for them. */
public final class TicketNotFound extends ProblemException {

    public TicketNotFound(String ticket) {
        super(BookingProblems.TICKET_NOT_FOUND, "Ticket " + ticket + " does not exist.");
    }
}
