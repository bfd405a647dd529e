package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What checkout asks of a hold: that it end CHECKED_OUT in the checkout's transaction, its tickets left held for the
 * order made from it (whose {@link Hold#claim()} sells or returns them).
 */
@Component
public class HoldCheckout {

    private final Holds holds;

    HoldCheckout(Holds holds) {
        this.holds = holds;
    }

    /**
     * Checks out the buyer's active hold, its row locked until the caller's transaction ends; another buyer's hold
     * does not exist for them. {@link HoldExpired} or {@link HoldNotActive} when it can no longer be checked out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hold checkOut(UUID buyerId, UUID holdId, Instant now) {
        Hold hold = holds.findForUpdate(holdId).filter(h -> h.heldBy(buyerId))
                .orElseThrow(() -> new HoldNotFound(holdId));
        if (!holds.end(hold.checkOut(now))) {
            throw new HoldNotActive(holdId, hold.status());
        }
        return hold;
    }
}
