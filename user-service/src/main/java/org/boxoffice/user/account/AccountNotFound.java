package org.boxoffice.user.account;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** No account has the id or email asked for. */
public final class AccountNotFound extends ProblemException {

    public AccountNotFound(String what) {
        super(ProblemType.NOT_FOUND, "No account " + what + ".");
    }
}
