package org.boxoffice.user.system;

import java.time.Duration;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * Every password-hashing slot stayed taken for the whole short wait: the service is saturated with logins (or
 * registrations). Answered {@code 429 too-many-requests} with {@code Retry-After}, so that callers come back later
 * instead of queueing until the gateway gives up on them. Says nothing about the credentials, and does not count as a
 * failed login.
 */
public final class PasswordHashingBusy extends ProblemException {

    private final Duration retryAfter;

    PasswordHashingBusy(Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, "Too many logins at this moment. Try again in "
                + seconds(retryAfter) + " seconds.");
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", seconds(retryAfter));
    }

    /** Whole seconds, at least 1: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
