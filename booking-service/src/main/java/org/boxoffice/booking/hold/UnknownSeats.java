package org.boxoffice.booking.hold;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** Seats the event does not sell. */
public final class UnknownSeats extends ProblemException {

    public UnknownSeats(Collection<UUID> seatIds, UUID eventId) {
        super(BookingProblems.UNKNOWN_SEATS, "Seats " + seatIds + " are not seats of event " + eventId + ".");
        with("seatIds", List.copyOf(seatIds));
        with("eventId", eventId);
    }
}
