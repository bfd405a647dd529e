package org.boxoffice.booking.promo;

import java.util.List;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;

/** A code definition that breaks a rule (a discount without an amount, a window that ends before it starts, ...). */
public final class InvalidCode extends ProblemException {

    InvalidCode(String field, String detail) {
        super(BookingProblems.INVALID_CODE, detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
