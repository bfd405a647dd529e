package org.boxoffice.booking.question;

import java.util.List;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;

/** A question definition that breaks a rule (a choice without options, options on a text question, ...). */
public final class InvalidQuestion extends ProblemException {

    InvalidQuestion(String field, String detail) {
        super(BookingProblems.INVALID_QUESTION, detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
