package org.boxoffice.booking.ticket;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A QR payload that is malformed or whose signature does not verify: forged or damaged. */
public final class InvalidTicketSignature extends ProblemException {

    public InvalidTicketSignature(String detail) {
        super(BookingProblems.INVALID_TICKET_SIGNATURE, detail);
    }
}
