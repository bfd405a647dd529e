package org.boxoffice.notification.preference;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Preferences that break a rule across fields (opting in without a phone number, an unsupported locale). */
public final class InvalidPreference extends ProblemException {

    public InvalidPreference(String field, String message) {
        super(ProblemType.VALIDATION_FAILED, field + ": " + message);
        with("errors", List.of(new FieldViolation(field, message)));
    }
}
