package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The event's organizer has not turned its waiting list on (or turned it off). */
public final class WaitingListClosed extends ProblemException {

    WaitingListClosed(UUID eventId) {
        super(BookingProblems.WAITING_LIST_CLOSED, "Event " + eventId + " has no waiting list.");
        with("eventId", eventId);
    }
}
