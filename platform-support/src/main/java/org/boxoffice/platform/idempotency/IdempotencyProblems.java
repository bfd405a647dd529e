package org.boxoffice.platform.idempotency;

import org.boxoffice.platform.problem.ProblemType;

/** The problem types of the Idempotency-Key contract; every service answers with these same slugs. */
public final class IdempotencyProblems {

    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
            "Idempotency-Key reused with a different request", 422);
    public static final ProblemType IDEMPOTENT_REQUEST_IN_PROGRESS = new ProblemType("idempotent-request-in-progress",
            "A request with this Idempotency-Key is still in progress", 409);
    public static final ProblemType INVALID_IDEMPOTENCY_KEY = new ProblemType("invalid-idempotency-key",
            "Invalid Idempotency-Key", 400);

    private IdempotencyProblems() {
    }
}
