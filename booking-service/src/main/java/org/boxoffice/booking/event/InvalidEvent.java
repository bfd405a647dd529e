package org.boxoffice.booking.event;

import java.util.List;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;

/** An event definition that breaks a rule across fields (ends before it starts, a tier for an unknown section). */
public final class InvalidEvent extends ProblemException {

    public InvalidEvent(String field, String detail) {
        super(BookingProblems.INVALID_EVENT, detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
