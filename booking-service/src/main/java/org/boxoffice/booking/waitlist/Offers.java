package org.boxoffice.booking.waitlist;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.inventory.Inventory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends offers that were not claimed, exactly once: the offer's status-guarded update decides which caller (a sweeper
 * on any replica, the buyer leaving the line, the event's cancellation) ends it, and only that caller ends the
 * buyer's place and gives the offer's tickets back — to the next buyer in line, else free.
 */
@Component
class Offers {

    private final WaitingListStatements statements;
    private final Inventory inventory;

    Offers(WaitingListStatements statements, Inventory inventory) {
        this.statements = statements;
        this.inventory = inventory;
    }

    /**
     * Ends the offer as {@code to} (EXPIRED, DECLINED or WITHDRAWN) if it is still open (and, for an expiry, past its
     * time); joins the caller's transaction. The change to the inventory, or empty if someone else ended it first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<InventoryChange> end(UUID offerId, OfferStatus to, Instant now) {
        EntryStatus entryEnds = switch (to) {
            case EXPIRED -> EntryStatus.EXPIRED;
            case DECLINED -> EntryStatus.LEFT;
            case WITHDRAWN -> EntryStatus.CLOSED;
            case OPEN, CLAIMED -> throw new IllegalArgumentException("a claim is not an ending without tickets: " + to);
        };
        if (!statements.endOffer(offerId, to, now, null)) {
            return Optional.empty();
        }
        WaitingListStatements.OfferRow offer = statements.offer(offerId).orElseThrow();
        if (!statements.moveEntry(offer.entryId(), EntryStatus.OFFERED, entryEnds, now)) {
            throw new IllegalStateException("the place of open offer " + offerId + " was not OFFERED");
        }
        InventoryChange change = new InventoryChange(offer.eventId());
        inventory.returnOffered(offer.claim(), change);
        return Optional.of(change);
    }
}
