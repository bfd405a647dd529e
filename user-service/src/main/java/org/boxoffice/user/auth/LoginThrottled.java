package org.boxoffice.user.auth;

import java.time.Duration;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * Too many failed logins for this account from this client, or from this client across accounts: it has to wait
 * before the next attempt. Answered with {@code Retry-After}.
 */
public final class LoginThrottled extends ProblemException {

    static final ProblemType TYPE = new ProblemType("login-throttled", "Too many failed logins", 429);

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super(TYPE, "Too many failed logins. Try again in " + seconds(retryAfter) + " seconds.");
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", seconds(retryAfter));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds rounded up, at least 1: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
