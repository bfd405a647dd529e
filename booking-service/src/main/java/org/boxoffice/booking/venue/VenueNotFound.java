package org.boxoffice.booking.venue;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No venue with this id exists for the caller. */
public final class VenueNotFound extends ProblemException {

    public VenueNotFound(UUID venueId) {
        super(BookingProblems.VENUE_NOT_FOUND, "Venue " + venueId + " does not exist.");
        with("venueId", venueId);
    }
}
