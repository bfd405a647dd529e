package org.boxoffice.booking.promo;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** Every use of the code is taken (uses given back by ended holds and orders can be taken again). */
public final class CodeExhausted extends ProblemException {

    CodeExhausted(String code, int maxUses) {
        super(BookingProblems.CODE_EXHAUSTED, "Code " + code + " has been used " + maxUses + " times, its limit.");
        with("code", code);
        with("maxUses", maxUses);
    }
}
