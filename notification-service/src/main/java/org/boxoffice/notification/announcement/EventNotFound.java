package org.boxoffice.notification.announcement;

import java.util.UUID;

import org.boxoffice.notification.system.NotificationProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No event with this id that has sold tickets is known — or it belongs to an organization the caller cannot manage. */
public final class EventNotFound extends ProblemException {

    public EventNotFound(UUID eventId) {
        super(NotificationProblems.EVENT_NOT_FOUND, "Event " + eventId + " does not exist.");
        with("eventId", eventId);
    }
}
