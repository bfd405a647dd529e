package org.boxoffice.booking.promo;

import java.time.Instant;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A code used after its validity window closed. */
public final class CodeExpired extends ProblemException {

    CodeExpired(String code, Instant validUntil) {
        super(BookingProblems.CODE_EXPIRED, "Code " + code + " expired at " + validUntil + ".");
        with("code", code);
        with("validUntil", validUntil);
    }
}
