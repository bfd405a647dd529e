package org.boxoffice.user.auth;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * A refresh token presented after it had already been exchanged: either the client replayed it or someone stole it.
 * Which one cannot be told apart, so the whole family (the login it came from) is revoked.
 */
public final class RefreshTokenReused extends ProblemException {

    static final ProblemType TYPE = new ProblemType("refresh-token-reused", "Refresh token reused", 401);

    RefreshTokenReused() {
        super(TYPE, "This refresh token was already used. The session has been ended for safety: log in again.");
    }
}
