package org.boxoffice.user.organization;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** Another organization already has the name. */
public final class OrganizationNameTaken extends ProblemException {

    static final ProblemType TYPE = new ProblemType("organization-name-taken", "Organization name taken", 409);

    OrganizationNameTaken(String name) {
        super(TYPE, "An organization named '" + name + "' already exists.");
    }
}
