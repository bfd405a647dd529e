package org.boxoffice.booking.venue;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A section code or seat that already exists in the venue. */
public final class SeatMapConflict extends ProblemException {

    public SeatMapConflict(String detail) {
        super(BookingProblems.SEAT_MAP_CONFLICT, detail);
    }
}
