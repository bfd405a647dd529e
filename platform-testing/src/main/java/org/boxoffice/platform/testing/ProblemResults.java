package org.boxoffice.platform.testing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What a {@link WebSliceTest} expects of an RFC 9457 answer, in one line: its status and stable type
 * ({@code problem(404, "event-not-found")}), the fields a {@code validation-failed} names, or the parameter an
 * {@code invalid-parameter} names.
 */
public final class ProblemResults {

    /** Where every problem type of the platform lives (docs/errors.md). */
    public static final String TYPES = "https://boxoffice.dev/problems/";

    private ProblemResults() {
    }

    /** A problem with this status and type ({@code "event-not-found"}, without the prefix). */
    public static ResultMatcher problem(int status, String type) {
        return all(status().is(status), jsonPath("$.type").value(TYPES + type));
    }

    /** The platform's admin check refused the caller: {@code 403 forbidden} with {@code requiredRole: "ADMIN"}. */
    public static ResultMatcher adminRequired() {
        return all(problem(403, "forbidden"), jsonPath("$.requiredRole").value("ADMIN"));
    }

    /** A 400 {@code validation-failed} whose {@code errors} name each of {@code fields} (and maybe more). */
    public static ResultMatcher fieldsRefused(String... fields) {
        ResultMatcher[] each = new ResultMatcher[fields.length + 1];
        each[0] = problem(400, "validation-failed");
        for (int i = 0; i < fields.length; i++) {
            each[i + 1] = jsonPath("$.errors[?(@.field == '" + fields[i] + "')]").exists();
        }
        return all(each);
    }

    /** A 400 {@code invalid-parameter} naming {@code parameter}. */
    public static ResultMatcher parameterRefused(String parameter) {
        return all(problem(400, "invalid-parameter"), jsonPath("$.parameter").value(parameter));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
