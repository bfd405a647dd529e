package org.boxoffice.user.auth;

import java.time.Duration;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Too many failed logins for the account or from the client address; answered with {@code Retry-After}. */
public final class LoginThrottled extends ProblemException {

    static final ProblemType TYPE = new ProblemType("login-throttled", "Too many failed logins", 429);

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super(TYPE, "Too many failed logins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
