package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.messaging.BookingEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds taken from a waiting-list offer: the buyer it was offered to claims its tickets, which are held for them
 * already (under the offer), into a hold of their own with the event's full hold duration. The same rules as any
 * hold: the per-buyer limit, the {@code HoldPlaced} event; then the hold takes the offer's seats over.
 */
@Component
public class OfferedHolds {

    private final Holds holds;
    private final Inventory inventory;
    private final BookingEvents announcements;

    OfferedHolds(Holds holds, Inventory inventory, BookingEvents announcements) {
        this.holds = holds;
        this.inventory = inventory;
        this.announcements = announcements;
    }

    /**
     * A hold of the offer's tickets ({@code items}) for the buyer; joins the caller's transaction, which must have
     * made sure the offer is open and theirs (and ends it). {@link TicketLimitExceeded} if the buyer's other holds
     * and orders leave no room for them under the per-buyer limit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hold hold(Event event, UUID buyerId, String buyerEmail, UUID offerId, List<Allotment> items, Instant now) {
        int tickets = items.stream().mapToInt(Allotment::quantity).sum();
        if (!inventory.reserveAllowance(event.id(), buyerId, tickets, event.maxPerBuyer())) {
            throw new TicketLimitExceeded(TicketLimitExceeded.Rule.PER_BUYER, event.maxPerBuyer(), tickets);
        }
        List<HoldItem> holdItems = items.stream()
                .map(item -> new HoldItem(item.sectionId(), item.seatId(), item.quantity())).toList();
        Hold hold = Hold.place(UUID.randomUUID(), event.id(), new Hold.Buyer(buyerId, buyerEmail), holdItems, now,
                event.holdDuration());
        holds.insert(hold);
        announcements.announce(HoldFence.placed(event, hold));
        inventory.passOfferToHold(event.id(), offerId, hold.id(),
                (int) items.stream().filter(Allotment::seated).count());
        return hold;
    }
}
