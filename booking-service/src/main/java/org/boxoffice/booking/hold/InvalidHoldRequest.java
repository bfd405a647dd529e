package org.boxoffice.booking.hold;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A hold request that breaks a rule on one field: duplicate seat ids, a quantity below one. */
public final class InvalidHoldRequest extends ProblemException {

    public InvalidHoldRequest(String field, String detail) {
        super(ProblemType.VALIDATION_FAILED, field + ": " + detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
