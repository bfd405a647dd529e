package org.boxoffice.user.verification;

import java.time.Duration;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** Why a code could not be sent, or an address not verified with one. */
public final class EmailVerificationProblem extends ProblemException {

    static final ProblemType ALREADY_VERIFIED = new ProblemType("email-already-verified",
            "The email address is already verified", 409);
    static final ProblemType INVALID_CODE = new ProblemType("invalid-verification-code", "Wrong verification code", 422);
    static final ProblemType NO_VALID_CODE = new ProblemType("verification-code-expired",
            "No valid verification code: ask for a new one", 422);
    static final ProblemType TOO_MANY = new ProblemType("too-many-verification-codes",
            "Too many verification codes asked for", 429);

    private final @Nullable Duration retryAfter;

    private EmailVerificationProblem(ProblemType type, String detail, @Nullable Duration retryAfter) {
        super(type, detail);
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            with("retryAfterSeconds", retryAfterSeconds());
        }
    }

    static EmailVerificationProblem alreadyVerified(String email) {
        return new EmailVerificationProblem(ALREADY_VERIFIED, email + " is verified.", null);
    }

    static EmailVerificationProblem tooMany(String why, Duration retryAfter) {
        return new EmailVerificationProblem(TOO_MANY, why, retryAfter);
    }

    static EmailVerificationProblem wrongCode(int attemptsLeft) {
        var problem = new EmailVerificationProblem(INVALID_CODE, "That is not the code that was sent."
                + (attemptsLeft == 0 ? " Ask for a new one." : " " + attemptsLeft
                        + (attemptsLeft == 1 ? " attempt" : " attempts") + " left."), null);
        problem.with("attemptsLeft", attemptsLeft);
        return problem;
    }

    static EmailVerificationProblem noValidCode() {
        return new EmailVerificationProblem(NO_VALID_CODE, "No code is waiting to be confirmed (expired, used, or out"
                + " of attempts): ask for a new one.", null);
    }

    /** Whole seconds, at least 1, for {@code Retry-After}; 0 when the problem is not about waiting. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
