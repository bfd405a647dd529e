package org.boxoffice.booking.ticket;

/** VALID → VOID (order cancelled or refunded). Check-in is a timestamp on a VALID ticket, set once. */
public enum TicketStatus {
    VALID, VOID
}
