package org.boxoffice.booking.inventory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The tickets one hold claims on an event's inventory, for one buyer, and that the order made from it sells or gives
 * back: the seats it holds are marked with {@code holdId}, and its tickets count against the buyer's allowance.
 */
public record Claim(UUID eventId, UUID buyerId, UUID holdId, List<Allotment> items) {

    public Claim {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a claim is of at least one ticket");
        }
    }

    /** How many tickets it claims, seats and area tickets together. */
    public int tickets() {
        return items.stream().mapToInt(Allotment::quantity).sum();
    }

    /** The seats it claims, in order. */
    public List<UUID> seatIds() {
        return items.stream().map(Allotment::seatId).filter(Objects::nonNull).toList();
    }
}
