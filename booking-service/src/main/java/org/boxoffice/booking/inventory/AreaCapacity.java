package org.boxoffice.booking.inventory;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Capacity added to a published event's general-admission area (docs/commerce.md, "Adding capacity"): the stripes
 * raised by tickets that are held from the statement that adds them ({@link AreaStripes#addHeld}), then given, like
 * tickets given back, to the event's waiting list first ({@link WaitingLine}: in line order, each offer held for its
 * buyer); the rest go on sale. No hold can take an added ticket before the line has had it.
 */
@Repository
@SqlByDesign("Raises an area's stripes with a conditional update and offers what it added through the waiting line, "
        + "in the caller's transaction")
public class AreaCapacity {

    private final JdbcClient jdbc;
    private final AreaStripes stripes;
    private final OfferedTickets offered;

    AreaCapacity(JdbcClient jdbc, AreaStripes stripes, OfferedTickets offered) {
        this.jdbc = jdbc;
        this.stripes = stripes;
        this.offered = offered;
    }

    /** Adds {@code quantity} tickets to the area, held under {@code claimId}; answers how many the line was offered. */
    public int add(UUID eventId, UUID sectionId, int quantity, UUID claimId, InventoryChange change) {
        stripes.addHeld(eventId, sectionId, quantity, change);
        List<Allotment> left = offered.offerFirst(new Claim(eventId, claimId, claimId,
                List.of(Allotment.area(sectionId, quantity))), SeatStatus.HELD, change);
        int free = left.stream().mapToInt(Allotment::quantity).sum();
        // Our stripe holds at least these (we just added them, and hold its row lock): the move never spreads.
        if (free > 0 && !stripes.move(eventId, sectionId, free, AreaStripes.Move.RETURN_HELD, change)) {
            throw new IllegalStateException("area " + sectionId + " of event " + eventId + " has fewer than " + free
                    + " tickets held to put on sale");
        }
        return quantity - free;
    }

    /** The area's capacity, all its stripes together. */
    public int capacity(UUID eventId, UUID sectionId) {
        return jdbc.sql("SELECT coalesce(sum(capacity), 0)::int FROM event_area WHERE event_id = ? AND section_id = ?")
                .params(eventId, sectionId).query(Integer.class).single();
    }
}
