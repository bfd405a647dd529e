package org.boxoffice.booking.promo;

import java.time.Instant;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A code used before its validity window opens. */
public final class CodeNotYetValid extends ProblemException {

    CodeNotYetValid(String code, Instant validFrom) {
        super(BookingProblems.CODE_NOT_YET_VALID, "Code " + code + " is valid from " + validFrom + ".");
        with("code", code);
        with("validFrom", validFrom);
    }
}
