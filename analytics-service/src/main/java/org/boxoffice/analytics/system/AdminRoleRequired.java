package org.boxoffice.analytics.system;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** A platform-wide operation asked for by an organizer: only admins see across organizations. */
public final class AdminRoleRequired extends ProblemException {

    public AdminRoleRequired(String what) {
        super(ProblemType.FORBIDDEN, what + " is for admins only.");
    }
}
