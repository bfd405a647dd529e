package org.boxoffice.platform.flags;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * A request for a feature that a flag has switched off for the caller: {@code 409 feature-disabled}, the
 * {@code feature} member naming the flag. Nothing was changed; the request may succeed once the flag is on again.
 */
public final class FeatureDisabled extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("feature-disabled", "Feature switched off", 409);

    public FeatureDisabled(String flag, String detail) {
        super(TYPE, detail);
        with("feature", flag);
    }
}
