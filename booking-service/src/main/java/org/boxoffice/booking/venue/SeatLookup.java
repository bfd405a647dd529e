package org.boxoffice.booking.venue;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Seats by id, whichever venue they belong to: what orders and tickets print of a seat (its row and number). */
public interface SeatLookup {

    /** These seats, in no particular order; an unknown id is left out. */
    List<Seat> findSeats(Collection<UUID> ids);
}
