package org.boxoffice.booking.promo;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The buyer has used the code as many times as one buyer may. */
public final class CodeLimitReached extends ProblemException {

    CodeLimitReached(String code, int maxUsesPerBuyer) {
        super(BookingProblems.CODE_LIMIT_REACHED, "Code " + code + " may be used " + maxUsesPerBuyer
                + " times per buyer, and you have used it that often.");
        with("code", code);
        with("maxUsesPerBuyer", maxUsesPerBuyer);
    }
}
