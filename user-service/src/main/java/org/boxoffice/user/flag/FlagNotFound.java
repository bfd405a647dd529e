package org.boxoffice.user.flag;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** No flag of that name in the definitions file: {@code 404 flag-not-found}. */
public final class FlagNotFound extends ProblemException {

    static final ProblemType TYPE = new ProblemType("flag-not-found", "Feature flag not found", 404);

    FlagNotFound(String flag) {
        super(TYPE, "There is no feature flag named '" + flag + "' (GET /api/v1/admin/flags lists them).");
        with("flag", flag);
    }
}
