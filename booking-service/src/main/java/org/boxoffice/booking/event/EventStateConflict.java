package org.boxoffice.booking.event;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A lifecycle transition or change the event's current state does not allow. */
public final class EventStateConflict extends ProblemException {

    public EventStateConflict(UUID eventId, EventStatus from, EventStatus to) {
        super(BookingProblems.EVENT_STATE_CONFLICT, "A " + from + " event cannot become " + to + ".");
        with("eventId", eventId);
        with("currentStatus", from.name());
        with("requestedStatus", to.name());
    }

    public EventStateConflict(UUID eventId, EventStatus status, String detail) {
        super(BookingProblems.EVENT_STATE_CONFLICT, detail);
        with("eventId", eventId);
        with("currentStatus", status.name());
    }
}
