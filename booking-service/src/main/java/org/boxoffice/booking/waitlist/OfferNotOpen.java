package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/** The place has no open offer: none made yet, or it was claimed, expired or declined. */
public final class OfferNotOpen extends ProblemException {

    OfferNotOpen(UUID entryId, @Nullable OfferStatus status) {
        super(BookingProblems.OFFER_NOT_OPEN, status == null ? "No tickets have been offered to this place yet."
                : "The offer to this place is " + status + ", not open.");
        with("entryId", entryId);
        with("offerStatus", status == null ? "NONE" : status.name());
    }
}
