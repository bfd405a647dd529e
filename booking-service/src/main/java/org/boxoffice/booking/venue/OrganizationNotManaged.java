package org.boxoffice.booking.venue;

import java.util.UUID;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** The caller tried to create something for an organization they do not manage. */
public final class OrganizationNotManaged extends ProblemException {

    public OrganizationNotManaged(UUID organizationId) {
        super(ProblemType.FORBIDDEN, "You do not manage organization " + organizationId + ".");
        with("organizationId", organizationId);
    }
}
