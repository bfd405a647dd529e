package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No such place in a waiting list, or another buyer's. */
public final class EntryNotFound extends ProblemException {

    EntryNotFound(UUID entryId) {
        super(BookingProblems.WAITING_LIST_ENTRY_NOT_FOUND, "Waiting list entry " + entryId + " not found.");
        with("entryId", entryId);
    }
}
