package org.boxoffice.booking.capacity;

import java.util.Objects;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.inventory.AreaCapacity;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.system.OrganizerAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds capacity to a published event's general-admission area, in one transaction: the event's row locked and its
 * figure raised (refusing a draft, a cancelled or completed event, a seated or unknown section), the area's stripes
 * raised by tickets that are held from the same statement, and those tickets given to the waiting list first — in
 * line order, each offer held for its buyer with the time-limited claim, exactly as tickets given back are — and the
 * rest put on sale. No hold can take an added ticket before the line has had it, and no stripe ever has more held
 * and sold than its capacity. The availability cache learns of it once it committed.
 */
@Service
public class CapacityService {

    private final EventService events;
    private final Inventory inventory;
    private final AreaCapacity areas;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;

    CapacityService(EventService events, Inventory inventory, AreaCapacity areas, AvailabilityCache cache,
            TransactionTemplate transactions) {
        this.events = events;
        this.inventory = inventory;
        this.areas = areas;
        this.cache = cache;
        this.transactions = transactions;
    }

    /**
     * What adding capacity did: the area's capacity after it, the tickets offered to the waiting list, and the area's
     * tickets on sale as it committed.
     */
    public record Added(UUID eventId, UUID sectionId, int added, int capacity, int offeredToWaitingList,
            int available) {
    }

    /** Adds {@code tickets} (at least 1) to the area {@code sectionId} of the caller's event {@code eventId}. */
    public Added add(OrganizerAccess access, UUID eventId, UUID sectionId, int tickets) {
        if (tickets < 1) {
            throw new IllegalArgumentException("capacity is added by at least one ticket, not " + tickets);
        }
        InventoryChange change = new InventoryChange(eventId);
        Added added = Objects.requireNonNull(transactions.execute(status -> {
            events.addCapacity(access, eventId, sectionId, tickets);
            int offered = areas.add(eventId, sectionId, tickets, UUID.randomUUID(), change);
            events.capacityAdded(eventId, sectionId, tickets);
            return new Added(eventId, sectionId, tickets, areas.capacity(eventId, sectionId), offered,
                    inventory.remaining(eventId, sectionId));
        }));
        cache.apply(change);
        return added;
    }
}
