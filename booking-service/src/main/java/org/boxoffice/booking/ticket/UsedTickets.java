package org.boxoffice.booking.ticket;

/** Who cancels an order some of whose tickets may have been used at the door, and whether used ones go too. */
public enum UsedTickets {
    /** The buyer asks: a used ticket is never cancelled or refunded on their request. */
    REFUSED_FOR_BUYER,
    /** An organizer asks without including used tickets: refused, and told how to include them. */
    REFUSED_FOR_ORGANIZER,
    /** An organizer includes used tickets explicitly ({@code includeCheckedIn=true}). */
    INCLUDED;

    /** An organizer's cancellation, including used tickets or not. */
    public static UsedTickets forOrganizer(boolean includeCheckedIn) {
        return includeCheckedIn ? INCLUDED : REFUSED_FOR_ORGANIZER;
    }
}
