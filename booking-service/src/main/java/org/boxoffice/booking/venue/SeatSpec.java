package org.boxoffice.booking.venue;

/** One seat to add to a section: its row label, number and flags. */
public record SeatSpec(String row, int number, boolean accessible, boolean restrictedView) {
}
