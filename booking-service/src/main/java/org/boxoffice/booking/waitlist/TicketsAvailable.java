package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The section still has the tickets asked for: the line is for when it has not. */
public final class TicketsAvailable extends ProblemException {

    TicketsAvailable(UUID sectionId, int available, int quantity) {
        super(BookingProblems.TICKETS_AVAILABLE, available + " tickets of section " + sectionId
                + " are available, enough for " + quantity + ": hold them instead of joining the waiting list.");
        with("sectionId", sectionId);
        with("available", available);
    }
}
