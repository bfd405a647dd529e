package org.boxoffice.booking.admission;

import java.util.UUID;

import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.problem.ProblemException;

/** A hold on an event behind a waiting room came without an admission pass. */
public final class PassRequired extends ProblemException {

    PassRequired(UUID eventId) {
        super(AdmissionProblems.PASS_REQUIRED, "Holds for this event need the pass the waiting room gives when it lets "
                + "you in: join it at /api/v1/waiting-room/events/" + eventId + " and send the pass in the "
                + AdmissionPass.HEADER + " header.");
        with("eventId", eventId);
        with("waitingRoom", "/api/v1/waiting-room/events/" + eventId);
    }
}
