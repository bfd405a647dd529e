package org.boxoffice.booking.admission;

import org.boxoffice.platform.problem.ProblemType;

/**
 * The waiting room's problem types. The three about passes are the gateway's too: a client sees the same type
 * whichever of the two refused the hold.
 */
public final class AdmissionProblems {

    public static final ProblemType INVALID_WAITING_ROOM = new ProblemType("invalid-waiting-room",
            "Invalid waiting room setting", 422);
    public static final ProblemType PASS_REQUIRED = new ProblemType("waiting-room-pass-required",
            "This event's sale goes through a waiting room", 403);
    public static final ProblemType PASS_INVALID = new ProblemType("waiting-room-pass-invalid",
            "Waiting room pass not valid for this hold", 403);
    public static final ProblemType UNAVAILABLE = new ProblemType("waiting-room-unavailable",
            "Waiting room unavailable", 503);

    private AdmissionProblems() {
    }
}
