package org.boxoffice.analytics.report;

import java.util.UUID;

import org.boxoffice.analytics.system.AnalyticsProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No sales for this event are known — or the caller may not see its organization's numbers. */
public final class EventNotFound extends ProblemException {

    public EventNotFound(UUID eventId) {
        super(AnalyticsProblems.EVENT_NOT_FOUND, "No sales figures for event " + eventId + ".");
        with("eventId", eventId);
    }
}
