package org.boxoffice.user.flag;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Feature flags are the platform operators' switches: admins only ({@code 403 forbidden}). */
public final class FlagsAdminOnly extends ProblemException {

    FlagsAdminOnly() {
        super(ProblemType.FORBIDDEN, "Only an admin may read or change feature flags.");
    }
}
