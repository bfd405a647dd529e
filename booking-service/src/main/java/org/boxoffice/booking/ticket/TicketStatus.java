package org.boxoffice.booking.ticket;

/**
 * VALID → VOID (order cancelled or refunded); VALID → TRANSFERRED (handed to another address, replaced by a new
 * ticket). Check-in is a timestamp on a VALID ticket, set once.
 */
public enum TicketStatus {
    VALID, VOID, TRANSFERRED
}
