package org.boxoffice.booking.waitlist;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The waiting list's refusals, whose constructors the domain keeps to itself, for the web slices. */
public final class WaitingListExamples {

    private WaitingListExamples() {
    }

    public static RuntimeException alreadyWaiting(UUID eventId, UUID sectionId) {
        return new AlreadyWaiting(eventId, sectionId);
    }

    public static RuntimeException entryNotFound(UUID entryId) {
        return new EntryNotFound(entryId);
    }

    public static RuntimeException offerNotOpen(UUID entryId, @Nullable OfferStatus status) {
        return new OfferNotOpen(entryId, status);
    }

    public static RuntimeException ticketsAvailable(UUID sectionId, int available, int quantity) {
        return new TicketsAvailable(sectionId, available, quantity);
    }

    public static RuntimeException closed(UUID eventId) {
        return new WaitingListClosed(eventId);
    }
}
