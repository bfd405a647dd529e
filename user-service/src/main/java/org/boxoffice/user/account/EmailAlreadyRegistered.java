package org.boxoffice.user.account;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Registration with an email that already has an account (compared case-insensitively). */
public final class EmailAlreadyRegistered extends ProblemException {

    static final ProblemType TYPE = new ProblemType("email-already-registered", "Email already registered", 409);

    EmailAlreadyRegistered() {
        super(TYPE, "An account with this email already exists. Log in, or register with another email.");
    }
}
