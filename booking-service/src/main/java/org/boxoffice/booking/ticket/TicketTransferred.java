package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The ticket was handed to someone else: its code and QR admit nobody, the ticket that replaced it does. */
public final class TicketTransferred extends ProblemException {

    public TicketTransferred(UUID ticketId, Instant transferredAt) {
        super(BookingProblems.TICKET_TRANSFERRED, "Ticket " + ticketId + " was transferred at " + transferredAt
                + ": its code and QR code no longer admit anyone.");
        with("ticketId", ticketId);
        with("transferredAt", transferredAt.toString());
    }
}
