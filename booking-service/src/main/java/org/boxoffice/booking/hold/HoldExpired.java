package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The hold ran out before it was checked out. */
public final class HoldExpired extends ProblemException {

    public HoldExpired(UUID holdId) {
        super(BookingProblems.HOLD_EXPIRED, "Hold " + holdId + " has expired; its seats were released.");
        with("holdId", holdId);
    }
}
