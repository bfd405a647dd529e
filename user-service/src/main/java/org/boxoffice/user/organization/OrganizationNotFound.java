package org.boxoffice.user.organization;

import java.util.UUID;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** No such organization — or none the caller may see, which is answered the same way. */
public final class OrganizationNotFound extends ProblemException {

    OrganizationNotFound(UUID id) {
        super(ProblemType.NOT_FOUND, "No organization " + id + ".");
    }
}
