package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions that take tickets. Each counts the tickets against the buyer's limit, creates the hold and
 * takes the inventory with a conditional update, in one transaction and in that order (the contended inventory rows
 * last, so they are locked for as short a time as possible): if any step finds less than it needs, the
 * exception rolls all of it back, so a rejected hold leaves nothing behind. The {@code HoldPlaced} event is one more
 * INSERT in that transaction, nothing else: this is the surge's hot path.
 */
@Component
@SqlByDesign("The hold path: the hold, the buyer's allowance and the seats are taken with conditional "
        + "statements that must change exactly the expected rows, in one short transaction per hold")
class HoldFence {

    private final Holds holds;
    private final Inventory inventory;
    private final BookingEvents announcements;
    private final CodeRedemption codes;

    HoldFence(Holds holds, Inventory inventory, BookingEvents announcements, CodeRedemption codes) {
        this.holds = holds;
        this.inventory = inventory;
        this.announcements = announcements;
        this.codes = codes;
    }

    record Taken(Hold hold, InventoryChange change) {
    }

    /**
     * Holds these seats, all or none. {@code sections} maps each seat to its section. A pre-sale hold also takes a use
     * of its access code ({@code presale}), after the seats: the same lock order as every release.
     */
    @Transactional
    public Taken holdSeats(Event event, UUID buyerId, String buyerEmail, List<UUID> seatIds, Map<UUID, UUID> sections,
            CodeRedemption.@Nullable Accepted presale, Instant now) {
        reserveAllowance(event, buyerId, seatIds.size());
        return takeSeats(event, buyerId, buyerEmail, seatIds, sections, presale, now);
    }

    private Taken takeSeats(Event event, UUID buyerId, String buyerEmail, List<UUID> seatIds, Map<UUID, UUID> sections,
            CodeRedemption.@Nullable Accepted presale, Instant now) {
        UUID holdId = UUID.randomUUID();
        List<HoldItem> items = new ArrayList<>();
        for (UUID seat : seatIds) {
            items.add(new HoldItem(sections.get(seat), seat, 1));
        }
        Hold hold = newHold(holdId, event, buyerId, buyerEmail, now, items);
        holds.insert(hold);
        announce(event, hold);
        // The contended rows last: they stay locked only from this statement to the commit.
        int taken = inventory.takeSeats(event.id(), holdId, seatIds);
        if (taken != seatIds.size()) {
            throw new SeatsUnavailable(inventory.notHeldBy(event.id(), holdId, seatIds));
        }
        if (presale != null) {
            codes.redeem(presale, holdId, buyerId, now);
        }
        InventoryChange change = new InventoryChange(event.id());
        items.forEach(item -> change.seatTaken(item.sectionId(), item.seatId()));
        return new Taken(hold, change);
    }

    /** Holds {@code quantity} tickets of a general-admission area, only within its capacity. */
    @Transactional
    public Taken holdArea(Event event, UUID buyerId, String buyerEmail, UUID sectionId, int quantity,
            CodeRedemption.@Nullable Accepted presale, Instant now) {
        reserveAllowance(event, buyerId, quantity);
        UUID holdId = UUID.randomUUID();
        Hold hold = newHold(holdId, event, buyerId, buyerEmail, now, List.of(new HoldItem(sectionId, null, quantity)));
        holds.insert(hold);
        announce(event, hold);
        // The area's rows are the hottest in a general-admission on-sale (every buyer of the area updates one): taken
        // last, a stripe is locked only from this statement to the commit, and concurrent holds take other stripes.
        InventoryChange change = new InventoryChange(event.id());
        if (!inventory.takeFromArea(event.id(), sectionId, quantity, change)) {
            throw new CapacityExceeded(sectionId, quantity, inventory.remaining(event.id(), sectionId));
        }
        if (presale != null) {
            codes.redeem(presale, holdId, buyerId, now);
        }
        return new Taken(hold, change);
    }

    private void announce(Event event, Hold hold) {
        announcements.announce(placed(event, hold));
    }

    /** What a new hold announces, whichever way it was taken. */
    static Published.HoldPlaced placed(Event event, Hold hold) {
        return new Published.HoldPlaced(hold.id(), event.id(), event.organizationId(), hold.buyerId(), hold.quantity(),
                hold.items().stream().map(HoldItem::sectionId).distinct().toList(), hold.createdAt(),
                hold.expiresAt());
    }

    /** Counts the tickets against the buyer's limit for the event (the buyer's row stays locked until commit). */
    private void reserveAllowance(Event event, UUID buyerId, int quantity) {
        if (!inventory.reserveAllowance(event.id(), buyerId, quantity, event.maxPerBuyer())) {
            throw new TicketLimitExceeded(TicketLimitExceeded.Rule.PER_BUYER, event.maxPerBuyer(), quantity);
        }
    }

    private Hold newHold(UUID holdId, Event event, UUID buyerId, String buyerEmail, Instant now,
            List<HoldItem> items) {
        return Hold.place(holdId, event.id(), new Hold.Buyer(buyerId, buyerEmail), items, now, event.holdDuration());
    }
}
