package org.boxoffice.user.auth;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A refresh token that is unknown, expired or revoked: the client must log in again. */
public final class InvalidRefreshToken extends ProblemException {

    static final ProblemType TYPE = new ProblemType("invalid-refresh-token", "Invalid refresh token", 401);

    InvalidRefreshToken(String detail) {
        super(TYPE, detail);
    }
}
