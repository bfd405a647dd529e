package org.boxoffice.booking.admission;

import java.util.UUID;

import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.problem.ProblemException;

/**
 * The admission pass does not open this hold: expired, issued to another account or for another event, or not
 * signed by the waiting room ({@code reason} says which).
 */
public final class PassInvalid extends ProblemException {

    PassInvalid(UUID eventId, AdmissionPasses.Check check) {
        super(AdmissionProblems.PASS_INVALID, switch (check) {
            case EXPIRED -> "Your waiting room pass has expired: join the waiting room again.";
            case OTHER_ACCOUNT -> "This waiting room pass was given to another account.";
            case OTHER_EVENT -> "This waiting room pass is for another event.";
            default -> "This is not a waiting room pass this platform issued.";
        });
        with("eventId", eventId);
        with("reason", check.slug());
        with("waitingRoom", "/api/v1/waiting-room/events/" + eventId);
    }
}
