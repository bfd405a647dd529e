package org.boxoffice.user.account;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A new password that does not meet {@link PasswordPolicy}: a validation failure naming the field. */
public final class PasswordRejected extends ProblemException {

    PasswordRejected(String field, String reason) {
        super(ProblemType.VALIDATION_FAILED, field + ": " + reason);
        with("errors", List.of(new FieldViolation(field, reason)));
    }
}
