package org.boxoffice.booking.admission;

import org.boxoffice.platform.problem.ProblemException;

/**
 * booking-service has no pass key, so it can accept no pass: holds on events behind a waiting room are refused
 * (closed, not open to everyone) until {@code BOXOFFICE_WAITING_ROOM_PASS_KEY} is set.
 */
public final class PassesUnavailable extends ProblemException {

    PassesUnavailable() {
        super(AdmissionProblems.UNAVAILABLE, "The waiting room cannot check passes right now. Retry later.");
    }
}
