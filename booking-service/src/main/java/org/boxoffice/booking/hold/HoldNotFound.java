package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No hold with this id exists for the caller. */
public final class HoldNotFound extends ProblemException {

    public HoldNotFound(UUID holdId) {
        super(BookingProblems.HOLD_NOT_FOUND, "Hold " + holdId + " does not exist.");
        with("holdId", holdId);
    }
}
