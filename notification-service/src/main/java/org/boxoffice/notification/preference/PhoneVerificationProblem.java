package org.boxoffice.notification.preference;

import java.time.Duration;

import org.boxoffice.notification.system.NotificationProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.jspecify.annotations.Nullable;

/** Why a phone number could not be sent a code, or confirmed with one. */
public final class PhoneVerificationProblem extends ProblemException {

    private final @Nullable Duration retryAfter;

    private PhoneVerificationProblem(ProblemType type, String detail, @Nullable Duration retryAfter) {
        super(type, detail);
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            with("retryAfterSeconds", retryAfterSeconds());
        }
    }

    static PhoneVerificationProblem noPhone() {
        return new PhoneVerificationProblem(NotificationProblems.PHONE_NOT_SET,
                "Save a phone number in the preferences first.", null);
    }

    static PhoneVerificationProblem alreadyVerified(String phone) {
        return new PhoneVerificationProblem(NotificationProblems.PHONE_ALREADY_VERIFIED, phone + " is confirmed.", null);
    }

    static PhoneVerificationProblem noChannel() {
        return new PhoneVerificationProblem(NotificationProblems.NO_PHONE_CHANNEL,
                "No SMS or WhatsApp provider is configured, so no code can be sent.", null);
    }

    static PhoneVerificationProblem tooMany(String why, Duration retryAfter) {
        return new PhoneVerificationProblem(NotificationProblems.TOO_MANY_VERIFICATION_CODES, why, retryAfter);
    }

    static PhoneVerificationProblem wrongCode(int attemptsLeft) {
        var problem = new PhoneVerificationProblem(NotificationProblems.INVALID_VERIFICATION_CODE,
                "That is not the code that was sent." + (attemptsLeft == 0 ? " Ask for a new one."
                        : " " + attemptsLeft + (attemptsLeft == 1 ? " attempt" : " attempts") + " left."), null);
        problem.with("attemptsLeft", attemptsLeft);
        return problem;
    }

    static PhoneVerificationProblem noValidCode() {
        return new PhoneVerificationProblem(NotificationProblems.VERIFICATION_CODE_EXPIRED,
                "No code for this number is waiting to be confirmed (expired, used, or out of attempts): ask for a new"
                        + " one.", null);
    }

    /** Whole seconds, at least 1, for {@code Retry-After}; 0 when the problem is not about waiting. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
