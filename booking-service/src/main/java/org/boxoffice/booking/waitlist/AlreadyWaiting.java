package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The buyer already has a place (waiting or offered) in this section's line. */
public final class AlreadyWaiting extends ProblemException {

    AlreadyWaiting(UUID eventId, UUID sectionId) {
        super(BookingProblems.ALREADY_WAITING, "You are already in the waiting list for section " + sectionId + ".");
        with("eventId", eventId);
        with("sectionId", sectionId);
    }
}
