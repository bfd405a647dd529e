package org.boxoffice.notification.system;

import org.boxoffice.platform.problem.ProblemType;

/** notification-service's own problem types (docs/notifications.md). Slugs never change once released. */
public final class NotificationProblems {

    public static final ProblemType EVENT_NOT_FOUND = new ProblemType("event-not-found", "Event not found", 404);
    public static final ProblemType DELIVERY_NOT_FOUND = new ProblemType("delivery-not-found", "Delivery not found", 404);
    public static final ProblemType MESSAGE_NOT_FOUND = new ProblemType("message-not-found", "Message not found", 404);
    public static final ProblemType DELIVERY_NOT_RETRYABLE = new ProblemType("delivery-not-retryable",
            "Only a failed delivery can be retried", 409);

    private NotificationProblems() {
    }
}
