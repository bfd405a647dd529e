package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends active holds and gives their tickets back, exactly once: the hold's conditional status change decides which
 * caller releases it, and only that caller returns the seats, area counts and buyer allowance.
 */
@Component
public class HoldReleaser {

    private final Holds holds;
    private final Inventory inventory;

    HoldReleaser(Holds holds, Inventory inventory) {
        this.holds = holds;
        this.inventory = inventory;
    }

    /**
     * Ends the hold with {@code to} if it is still active (and, when {@code onlyIfExpired}, past its expiry); joins the
     * caller's transaction. Empty if someone else ended it first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<InventoryChange> release(UUID holdId, HoldStatus to, Instant now, boolean onlyIfExpired) {
        if (!holds.end(holdId, to, now, onlyIfExpired)) {
            return Optional.empty();
        }
        Hold hold = holds.find(holdId).orElseThrow();
        InventoryChange change = new InventoryChange(hold.eventId());
        inventory.returnTickets(hold.eventId(), hold.buyerId(), hold.id(), hold.items(), false, change);
        return Optional.of(change);
    }
}
