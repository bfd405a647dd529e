package org.boxoffice.booking.promo;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The event already has a code with this text (codes are compared in upper case). */
public final class DuplicateCode extends ProblemException {

    DuplicateCode(String code) {
        super(BookingProblems.DUPLICATE_CODE, "The event already has a code " + code + ".");
        with("code", code);
    }
}
