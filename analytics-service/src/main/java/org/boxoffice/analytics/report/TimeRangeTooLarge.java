package org.boxoffice.analytics.report;

import org.boxoffice.analytics.system.AnalyticsProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A time-series request spanning more buckets than one answer may hold. */
public final class TimeRangeTooLarge extends ProblemException {

    public TimeRangeTooLarge(long points, int limit, Granularity granularity) {
        super(AnalyticsProblems.TIME_RANGE_TOO_LARGE, "The range holds " + points + " " + granularity.label()
                + " buckets; at most " + limit + " are returned at once. Narrow 'from'/'to' or use a coarser granularity.");
        with("points", points);
        with("limit", limit);
    }
}
