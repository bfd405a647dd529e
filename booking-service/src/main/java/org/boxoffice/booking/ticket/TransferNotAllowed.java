package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The event's transfer rule refuses: the organizer disabled transfers, or their deadline has passed. */
public final class TransferNotAllowed extends ProblemException {

    /** Why a transfer is refused. */
    public enum Reason {
        /** The organizer turned transfers off for the event. */
        DISABLED,
        /** The organizer's deadline, or the event's start, has passed. */
        DEADLINE_PASSED
    }

    TransferNotAllowed(UUID eventId, Reason reason, Instant deadline) {
        super(BookingProblems.TRANSFER_NOT_ALLOWED, reason == Reason.DISABLED
                ? "The organizer does not allow tickets of event " + eventId + " to be transferred."
                : "Tickets of event " + eventId + " could be transferred until " + deadline + ", no longer.");
        with("eventId", eventId);
        with("reason", reason.name());
        if (reason == Reason.DEADLINE_PASSED) {
            with("deadline", deadline.toString());
        }
    }
}
