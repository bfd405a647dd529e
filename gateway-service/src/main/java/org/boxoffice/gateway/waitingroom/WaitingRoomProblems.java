package org.boxoffice.gateway.waitingroom;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * The waiting room's problem types and the failures that carry them. The pass types are booking-service's too: a
 * client sees the same type whichever of the two refused a hold.
 */
final class WaitingRoomProblems {

    static final ProblemType NOT_FOUND = new ProblemType("waiting-room-not-found", "No waiting room for this event", 404);
    static final ProblemType NOT_OPEN = new ProblemType("waiting-room-not-open", "Waiting room not open yet", 409);
    static final ProblemType CLOSED = new ProblemType("waiting-room-closed", "Waiting room closed", 409);
    static final ProblemType PLACE_NOT_FOUND = new ProblemType("waiting-room-place-not-found",
            "No place in the waiting room", 404);
    static final ProblemType UNAVAILABLE = new ProblemType("waiting-room-unavailable", "Waiting room unavailable", 503);
    static final ProblemType PASS_REQUIRED = new ProblemType("waiting-room-pass-required",
            "This event's sale goes through a waiting room", 403);
    static final ProblemType PASS_INVALID = new ProblemType("waiting-room-pass-invalid",
            "Waiting room pass not valid for this hold", 403);

    private WaitingRoomProblems() {
    }

    static String joinPath(UUID eventId) {
        return "/api/v1/waiting-room/events/" + eventId;
    }

    /** The event has no waiting room (or the caller may not see it: another organization's event). */
    static final class NoWaitingRoom extends ProblemException {
        NoWaitingRoom(UUID eventId) {
            super(NOT_FOUND, "Event " + eventId + " has no waiting room: hold seats directly.");
            with("eventId", eventId);
        }
    }

    /** Too early: the queue opens at {@code opensAt}. */
    static final class NotOpenYet extends ProblemException {
        NotOpenYet(UUID eventId, Instant opensAt) {
            super(NOT_OPEN, "The waiting room opens at " + opensAt + ".");
            with("eventId", eventId);
            with("opensAt", opensAt.toString());
        }
    }

    /** The sale is over. */
    static final class Closed extends ProblemException {
        Closed(UUID eventId, Instant closedAt) {
            super(CLOSED, "The sale closed at " + closedAt + ".");
            with("eventId", eventId);
        }
    }

    /** The caller has no place (never joined, left, or their turn came while they were gone). */
    static final class NoPlace extends ProblemException {
        NoPlace(UUID eventId) {
            super(PLACE_NOT_FOUND, "You have no place in this waiting room: join it with POST " + joinPath(eventId) + ".");
            with("eventId", eventId);
        }
    }

    /**
     * The queue cannot be reached (Redis down, or this gateway has no pass key). Closed, not open to everyone: try
     * again after {@code retryAfterSeconds}.
     */
    static final class Unavailable extends ProblemException {
        static final long RETRY_AFTER_SECONDS = 5;

        Unavailable() {
            super(UNAVAILABLE, "The waiting room cannot be reached right now; nobody is let in meanwhile. Retry in "
                    + RETRY_AFTER_SECONDS + " seconds.");
            with("retryAfterSeconds", RETRY_AFTER_SECONDS);
        }
    }
}
