package org.boxoffice.booking.ticket;

/**
 * VALID → VOID (order cancelled or refunded, or the ticket transferred: then {@code transferredAt} is set and a new
 * ticket replaced it). Check-in is a timestamp on a VALID ticket, set once.
 */
public enum TicketStatus {
    VALID, VOID
}
