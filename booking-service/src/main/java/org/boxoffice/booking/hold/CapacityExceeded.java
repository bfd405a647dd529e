package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** Fewer tickets are left in the area (or best-available section) than were asked for. */
public final class CapacityExceeded extends ProblemException {

    public CapacityExceeded(UUID sectionId, int requested, int available) {
        super(BookingProblems.CAPACITY_EXCEEDED, requested + " tickets were asked for, " + available + " are left.");
        with("sectionId", sectionId);
        with("requested", requested);
        with("available", available);
    }
}
