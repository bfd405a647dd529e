package org.boxoffice.booking.ticket;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The ticket's order was cancelled or refunded: it admits nobody. */
public final class TicketVoid extends ProblemException {

    public TicketVoid(UUID ticketId) {
        super(BookingProblems.TICKET_VOID, "Ticket " + ticketId + " is void (its order was cancelled or refunded).");
        with("ticketId", ticketId);
    }
}
