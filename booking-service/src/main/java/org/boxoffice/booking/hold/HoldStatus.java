package org.boxoffice.booking.hold;

/** ACTIVE until it is RELEASED (by the buyer, an organizer or a cancelled event), EXPIRED, or CHECKED_OUT. */
public enum HoldStatus {
    ACTIVE, RELEASED, EXPIRED, CHECKED_OUT
}
