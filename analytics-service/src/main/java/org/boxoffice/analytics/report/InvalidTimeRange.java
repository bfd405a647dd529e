package org.boxoffice.analytics.report;

import java.time.Instant;

import org.boxoffice.analytics.system.AnalyticsProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A time-series request whose {@code from} is not before its {@code to}. */
public final class InvalidTimeRange extends ProblemException {

    public InvalidTimeRange(Instant from, Instant to) {
        super(AnalyticsProblems.INVALID_TIME_RANGE, "'from' (" + from + ") must be before 'to' (" + to + ").");
        with("from", from.toString());
        with("to", to.toString());
    }
}
