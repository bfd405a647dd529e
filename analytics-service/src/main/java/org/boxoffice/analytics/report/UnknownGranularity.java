package org.boxoffice.analytics.report;

import java.util.Arrays;
import java.util.List;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A {@code granularity} parameter that names no supported bucket size. */
public final class UnknownGranularity extends ProblemException {

    public UnknownGranularity(String value) {
        super(ProblemType.INVALID_PARAMETER, "granularity '" + value + "' is not one of "
                + String.join(", ", allowed()) + ".");
        with("parameter", "granularity");
        with("allowed", allowed());
    }

    private static List<String> allowed() {
        return Arrays.stream(Granularity.values()).map(Granularity::label).toList();
    }
}
