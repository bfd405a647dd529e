package org.boxoffice.booking.promo;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A code the organizer disabled. */
public final class CodeDisabled extends ProblemException {

    CodeDisabled(String code) {
        super(BookingProblems.CODE_DISABLED, "Code " + code + " has been disabled by the organizer.");
        with("code", code);
    }
}
