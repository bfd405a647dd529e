package org.boxoffice.user.auth;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Wrong email or password; which of the two is never said, so that accounts cannot be enumerated. */
public final class InvalidCredentials extends ProblemException {

    static final ProblemType TYPE = new ProblemType("invalid-credentials", "Invalid credentials", 401);

    InvalidCredentials() {
        super(TYPE, "The email or password is wrong.");
    }
}
