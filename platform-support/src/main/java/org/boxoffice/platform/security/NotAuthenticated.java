package org.boxoffice.platform.security;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Code that needs the caller ran for a request without a valid bearer token. */
public final class NotAuthenticated extends ProblemException {

    public NotAuthenticated() {
        super(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.");
    }
}
