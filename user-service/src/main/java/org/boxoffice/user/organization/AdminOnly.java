package org.boxoffice.user.organization;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Creating organizations and granting membership are for platform admins, not organizers. */
public final class AdminOnly extends ProblemException {

    AdminOnly() {
        super(ProblemType.FORBIDDEN, "Only an admin may do this.");
    }
}
