package org.boxoffice.booking.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Where tickets given back go before they are free again: the event's sold-out waiting list (package
 * {@code waitlist} implements it). Asked inside the transaction that gives the tickets back, so a freed ticket is
 * either offered to a buyer in line or free, never both and never free for an instant in between.
 */
public interface WaitingLine {

    /**
     * Offers what it can of {@code returned} (the tickets of one hold, order or unclaimed offer, all of one event) to
     * the buyers waiting for them, in line order, and records each offer. Answers the offers made; the caller moves
     * their tickets to them. Empty when nobody waits for these tickets (the common case: one indexed read).
     */
    List<Offer> offer(UUID eventId, List<Allotment> returned);

    /**
     * Tickets offered to one buyer in line: seats of a section ({@code seatIds}, one per ticket), or {@code quantity}
     * tickets of a general-admission area ({@code seatIds} empty). Until claimed they are held under {@code offerId}.
     */
    record Offer(UUID offerId, UUID sectionId, List<UUID> seatIds, int quantity) {

        public Offer {
            seatIds = List.copyOf(seatIds);
            if (quantity < 1 || !(seatIds.isEmpty() || seatIds.size() == quantity)) {
                throw new IllegalArgumentException("an offer is of seats or of a quantity, not " + seatIds + " / "
                        + quantity);
            }
        }

        public boolean seated() {
            return !seatIds.isEmpty();
        }
    }
}
