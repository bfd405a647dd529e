package org.boxoffice.booking.promo;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No code with this id on this event of the caller's organization. */
public final class CodeNotFound extends ProblemException {

    CodeNotFound(UUID codeId) {
        super(BookingProblems.CODE_NOT_FOUND, "Code " + codeId + " does not exist.");
        with("codeId", codeId);
    }
}
