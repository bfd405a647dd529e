package org.boxoffice.booking.event;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The event is not selling right now: before or after its sale window, paused, or no longer published. */
public final class SaleNotOpen extends ProblemException {

    public SaleNotOpen(UUID eventId, String detail) {
        super(BookingProblems.SALE_NOT_OPEN, detail);
        with("eventId", eventId);
    }
}
