package org.boxoffice.booking.hold;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** Some of the seats are held or sold. */
public final class SeatsUnavailable extends ProblemException {

    public SeatsUnavailable(Collection<UUID> seatIds) {
        super(BookingProblems.SEATS_UNAVAILABLE, "Seats " + seatIds + " are no longer available.");
        with("seatIds", List.copyOf(seatIds));
    }
}
