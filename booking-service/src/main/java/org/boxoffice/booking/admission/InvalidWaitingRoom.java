package org.boxoffice.booking.admission;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;

/** A waiting room setting that breaks a rule (a rate outside its bounds, a pass lifetime out of range). */
public final class InvalidWaitingRoom extends ProblemException {

    InvalidWaitingRoom(String field, String detail) {
        super(AdmissionProblems.INVALID_WAITING_ROOM, detail);
        with("errors", List.of(new FieldViolation(field, detail)));
    }
}
