package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The hold was already released, expired or checked out. */
public final class HoldNotActive extends ProblemException {

    public HoldNotActive(UUID holdId, HoldStatus status) {
        super(BookingProblems.HOLD_NOT_ACTIVE, "Hold " + holdId + " is " + status + ".");
        with("holdId", holdId);
        with("currentStatus", status.name());
    }
}
