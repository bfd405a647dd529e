package org.boxoffice.notification.system;

import org.boxoffice.platform.problem.ProblemType;

/** notification-service's own problem types (docs/notifications.md). Slugs never change once released. */
public final class NotificationProblems {

    public static final ProblemType EVENT_NOT_FOUND = new ProblemType("event-not-found", "Event not found", 404);
    public static final ProblemType DELIVERY_NOT_FOUND = new ProblemType("delivery-not-found", "Delivery not found", 404);
    public static final ProblemType MESSAGE_NOT_FOUND = new ProblemType("message-not-found", "Message not found", 404);
    public static final ProblemType DELIVERY_NOT_RETRYABLE = new ProblemType("delivery-not-retryable",
            "Only a failed delivery can be retried", 409);
    public static final ProblemType PHONE_NOT_SET = new ProblemType("phone-not-set",
            "No phone number in the preferences", 409);
    public static final ProblemType PHONE_ALREADY_VERIFIED = new ProblemType("phone-already-verified",
            "The phone number is already confirmed", 409);
    public static final ProblemType NO_PHONE_CHANNEL = new ProblemType("no-phone-channel",
            "Neither SMS nor WhatsApp is available", 409);
    public static final ProblemType INVALID_VERIFICATION_CODE = new ProblemType("invalid-verification-code",
            "Wrong verification code", 422);
    public static final ProblemType VERIFICATION_CODE_EXPIRED = new ProblemType("verification-code-expired",
            "No valid verification code: ask for a new one", 422);
    public static final ProblemType TOO_MANY_VERIFICATION_CODES = new ProblemType("too-many-verification-codes",
            "Too many verification codes asked for", 429);

    private NotificationProblems() {
    }
}
