package org.boxoffice.user.account;

import java.util.List;

import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A password change whose current password is wrong. */
public final class WrongCurrentPassword extends ProblemException {

    WrongCurrentPassword() {
        super(ProblemType.VALIDATION_FAILED, "currentPassword: is not your current password");
        with("errors", List.of(new FieldViolation("currentPassword", "is not your current password")));
    }
}
