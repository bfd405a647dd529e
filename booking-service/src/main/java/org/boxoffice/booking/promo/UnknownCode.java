package org.boxoffice.booking.promo;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A buyer sent a code the event does not have. */
public final class UnknownCode extends ProblemException {

    UnknownCode(UUID eventId, String code) {
        super(BookingProblems.UNKNOWN_CODE, "This event has no code " + code + ".");
        with("eventId", eventId);
        with("code", code);
    }
}
