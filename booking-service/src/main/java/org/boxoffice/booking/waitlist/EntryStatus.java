package org.boxoffice.booking.waitlist;

/** A place in line: WAITING, then OFFERED; it ends CLAIMED, EXPIRED (offer not claimed), LEFT or CLOSED (list). */
public enum EntryStatus {
    WAITING, OFFERED, CLAIMED, EXPIRED, LEFT, CLOSED
}
