package org.boxoffice.booking.hold;

import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.inventory.SeatStatus;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends active holds and gives their tickets back, exactly once: the hold's conditional status change decides which
 * caller releases it, and only that caller returns the seats, area counts, buyer allowance and access code use, and
 * announces {@code HoldReleased}.
 */
@Component
@SqlByDesign("Releases a hold exactly once: a status-guarded UPDATE decides which caller "
        + "(buyer, organizer, sweeper on any replica) releases it, and only that caller returns its tickets")
class HoldReleaser {

    private final Holds holds;
    private final Inventory inventory;
    private final BookingEvents announcements;
    private final JdbcClient jdbc;
    private final CodeRedemption codes;

    HoldReleaser(Holds holds, Inventory inventory, BookingEvents announcements, JdbcClient jdbc, CodeRedemption codes) {
        this.holds = holds;
        this.inventory = inventory;
        this.announcements = announcements;
        this.jdbc = jdbc;
        this.codes = codes;
    }

    /**
     * Applies {@code ending} (a release for {@code reason}) if the hold is still active; joins the caller's
     * transaction. Empty if someone else ended it first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<InventoryChange> release(HoldEnding ending, ReleaseReason reason) {
        if (ending.to() != reason.ending()) {
            throw new IllegalArgumentException(reason + " ends a hold " + reason.ending() + ", not " + ending.to());
        }
        if (!holds.end(ending)) {
            return Optional.empty();
        }
        Hold hold = holds.find(ending.holdId()).orElseThrow();
        InventoryChange change = new InventoryChange(hold.eventId());
        inventory.returnTickets(hold.claim(), SeatStatus.HELD, change);
        // A pre-sale access code's use comes back with the tickets (after them: the hold path's lock order).
        codes.giveBack(hold.id(), ending.at());
        UUID organizationId = jdbc.sql("SELECT organization_id FROM event WHERE id = ?").param(hold.eventId())
                .query(UUID.class).single();
        announcements.announce(new Published.HoldReleased(hold.id(), hold.eventId(), organizationId, hold.buyerId(),
                hold.quantity(), reason.name(), ending.at()));
        return Optional.of(change);
    }
}
