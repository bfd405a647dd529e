package org.boxoffice.booking.event;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No event with this id exists for the caller (drafts do not exist for buyers). */
public final class EventNotFound extends ProblemException {

    public EventNotFound(UUID eventId) {
        super(BookingProblems.EVENT_NOT_FOUND, "Event " + eventId + " does not exist.");
        with("eventId", eventId);
    }
}
