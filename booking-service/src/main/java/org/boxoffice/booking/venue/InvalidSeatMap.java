package org.boxoffice.booking.venue;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A seat map request that breaks a rule no annotation can express (a backwards row range, a bad seat range). */
public final class InvalidSeatMap extends ProblemException {

    public InvalidSeatMap(String field, String detail) {
        super(ProblemType.VALIDATION_FAILED, detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
