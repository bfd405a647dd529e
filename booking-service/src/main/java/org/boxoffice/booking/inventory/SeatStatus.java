package org.boxoffice.booking.inventory;

/** The states of a ticket in the inventory ({@code event_seat.status}; an area counts HELD and SOLD tickets). */
public enum SeatStatus {
    AVAILABLE, HELD, SOLD
}
