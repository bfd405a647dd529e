package org.boxoffice.notification.system;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** The delivery log and the mailbox hold buyers' addresses of every organization: platform admins only. */
public final class AdminRequired extends ProblemException {

    public AdminRequired() {
        super(ProblemType.FORBIDDEN, "Only a platform admin may see this.");
    }
}
