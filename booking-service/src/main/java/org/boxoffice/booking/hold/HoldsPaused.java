package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/**
 * New holds are paused by the operators' kill switch (flag {@code holds.paused}): {@code 503 holds-paused}. Nothing
 * was held; holds already made, checkouts and payments go on. Retry later.
 */
public final class HoldsPaused extends ProblemException {

    static final long RETRY_AFTER_SECONDS = 30;

    HoldsPaused(UUID eventId) {
        super(BookingProblems.HOLDS_PAUSED, "New holds are paused for a moment. Seats already held stay yours; "
                + "try again in a little while.");
        with("eventId", eventId);
        with("retryAfterSeconds", RETRY_AFTER_SECONDS);
    }
}
