package org.boxoffice.booking.venue;

import java.util.List;

/** A venue with its sections and, for seated sections, their seats. */
public record SeatMap(Venue venue, List<SectionSeats> sections) {

    public record SectionSeats(Section section, List<Seat> seats) {
    }
}
