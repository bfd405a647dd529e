package org.boxoffice.analytics.system;

import org.boxoffice.platform.problem.ProblemType;

/** The problem types analytics-service answers with, beyond the platform's generic ones. Slugs never change. */
public final class AnalyticsProblems {

    public static final ProblemType EVENT_NOT_FOUND = new ProblemType("event-not-found", "Event not found", 404);
    public static final ProblemType INVALID_TIME_RANGE = new ProblemType("invalid-time-range", "Invalid time range", 400);
    public static final ProblemType TIME_RANGE_TOO_LARGE = new ProblemType("time-range-too-large",
            "Time range has too many points", 400);

    private AnalyticsProblems() {
    }
}
